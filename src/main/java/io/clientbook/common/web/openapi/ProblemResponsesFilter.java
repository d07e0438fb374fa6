package io.clientbook.common.web.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation shares, from what the operation is (method, path
 * parameters, body, Idempotency-Key), so no endpoint can be published without them. Operations
 * that declare a status themselves keep their own description.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PROBLEM_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("JSON path of the wrong field, or the parameter name").examples(List.of("email")))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("must be a well-formed email address"))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, op) -> document(path, method, op));
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean hasBody = op.getRequestBody() != null;
        boolean hasPathId = path.contains("{");
        boolean idempotent = op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equals(p.getName()));
        add(responses, "400", "The request is not valid: malformed JSON, wrong types, unknown properties, "
                + "bad parameters; `errors[]` names each field", "validation", "Request is not valid", 400,
                "email: must be a well-formed email address");
        add(responses, "401", "No valid API key", "unauthorized", "Authentication required", 401,
                "Send a valid API key as 'Authorization: Bearer <key>'");
        add(responses, "403", "The key's role may not do this", "forbidden", "Forbidden", 403,
                "The role of this API key may not do this");
        if (hasPathId) {
            add(responses, "404", "No such resource", "not-found", "Resource not found", 404,
                    "No customer with id '0b9f6c4e-1111-4a4a-9c9c-000000000000'");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            add(responses, "412", "If-Match does not match the current ETag", "precondition-failed",
                    "Precondition failed", 412, "If-Match \"3\" does not match the current ETag \"4\"");
        }
        if (hasBody) {
            add(responses, "413", "The body is over the size limit", "payload-too-large", "Payload too large", 413,
                    "The request body is larger than the limit of this service");
            add(responses, "415", "The body's media type is not accepted here", "unsupported-media-type",
                    "Unsupported Media Type", 415, "This media type is not supported here");
        }
        if (idempotent) {
            add(responses, "422", "The Idempotency-Key was used before for a different request",
                    "idempotency-key-reused", "Idempotency-Key reused", 422,
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        add(responses, "500", "Unexpected failure; the body carries an errorId to quote", "internal", "Internal error",
                500, "The request failed unexpectedly; quote the errorId when reporting it");
        // Error responses an operation declares itself (409, 422 …) carry the problem body too.
        new java.util.ArrayList<>(responses.getAPIResponses().entrySet()).forEach(entry -> {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (code.startsWith("4") || code.startsWith("5")) {
                add(responses, code, response.getDescription(), SLUGS.getOrDefault(code, "error"),
                        TITLES.getOrDefault(code, "Request failed"), Integer.parseInt(code), response.getDescription());
            }
        });
    }

    private static final Map<String, String> SLUGS = Map.of("409", "conflict", "422", "unprocessable", "404", "not-found",
            "400", "validation", "412", "precondition-failed");
    private static final Map<String, String> TITLES = Map.of("409", "Conflict with the current state", "422",
            "Request cannot be processed", "404", "Resource not found", "400", "Request is not valid", "412",
            "Precondition failed");

    private void add(APIResponses responses, String code, String description, String slug, String title, int status,
            String detail) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaType(PROBLEM_TYPE) != null) {
            return;
        }
        // Ordered: the published document must be byte-for-byte stable between runs.
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("type", "urn:clientbook:problem:" + slug);
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        Example example = OASFactory.createExample().value(value);
        // SmallRye's automatic 401/403 say "Not Authorized"/"Not Allowed": ours say more; declared ones are kept.
        boolean keepDescription = existing != null && existing.getDescription() != null && !code.equals("401") && !code.equals("403");
        APIResponse response = OASFactory.createAPIResponse()
                .description(keepDescription ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                        .addExample(slug, example)));
        responses.addAPIResponse(code, response);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, the one error format (application/problem+json). "
                        + "Some problems add members, e.g. `allowedNextStates` or `errorId`.")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("urn:clientbook:problem:validation")))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request path"))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request's id, as in the X-Request-Id response header: quote it to find the "
                                + "request's log lines"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
