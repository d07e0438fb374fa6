package io.clientbook.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.clientbook.common.web.RequestIds;

/** An RFC 9457 problem details body, the one error format of the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "requestId", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json). "
        + "Extra members may appear for some problems, e.g. `allowedNextStates` or `errorId`.")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:clientbook:problem:";

    @Schema(description = "Identifies the kind of problem", examples = "urn:clientbook:problem:validation")
    public final String type;
    @Schema(examples = "Request is not valid")
    public final String title;
    @Schema(examples = "400")
    public final int status;
    @Schema(examples = "1 field is not valid")
    public final String detail;
    @Schema(description = "The request path", examples = "/api/v1/customers")
    public final String instance;
    @Schema(description = "The id of the request (the X-Request-Id header), to find its log lines",
            examples = "3f0c6d1e-8a44-4e8e-9a51-0d2f4c7b9e21")
    public final String requestId;
    @Schema(description = "For validation problems: each wrong field and why")
    public final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = RequestIds.current();
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
