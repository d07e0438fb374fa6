package io.clientbook.common.error;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one error path: every exception that leaves a resource becomes an RFC 9457 problem here.
 * Unknown failures are logged with an id and answered 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ApiProblem.validation(errors), uri);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, StreamReadException.class,
            JsonMappingException.class, InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(new ApiProblem(401, "unauthorized", "Authentication required",
                "Send a valid API key as 'Authorization: Bearer <key>'", null)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"clientbook\""), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new ApiProblem(403, "forbidden", "Forbidden",
                "The role of this API key may not do this", null), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return respond(JsonProblems.of(jpe), uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        ApiProblem problem = new ApiProblem(status, slugOf(title), title, detailOf(status, e), null);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            problem.withHeader(HttpHeaders.ALLOW, allow);
        }
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ApiProblem known = translate(e);
        if (known != null) {
            return respond(known, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(new ApiProblem(500, "internal", "Internal error",
                "The request failed unexpectedly; quote the errorId when reporting it", null).with("errorId", errorId), uri);
    }

    /** Failures that arrive wrapped (commit-time lock or constraint errors) and still have a client meaning. */
    static ApiProblem translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem p) {
                return p;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ApiProblem.preconditionFailed("The resource was changed by another request; read it again and retry");
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return ApiProblem.conflict("The change conflicts with existing data"
                        + (cve.getConstraintName() == null ? "" : " (" + cve.getConstraintName() + ")"));
            }
            if (t instanceof SQLException sql) {
                ApiProblem database = DatabaseProblems.of(sql);
                if (database != null) {
                    return database;
                }
            }
        }
        return null;
    }

    static Response respond(ApiProblem p, UriInfo uri) {
        Problem body = new Problem(p.slug(), p.title(), p.status(), p.getMessage(), uri == null ? null : uri.getPath(),
                p.errors(), p.extensions());
        Response.ResponseBuilder builder = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(body);
        p.headers().forEach(builder::header);
        return builder.build();
    }

    public static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.PARAMETER && i < nodes.size() - 1
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            Path.Node next = i + 1 < nodes.size() ? nodes.get(i + 1) : null;
            if (next != null && next.getIndex() != null) {
                field.append('[').append(next.getIndex()).append(']');
            } else if (next != null && next.getKey() != null) {
                field.append('.').append(next.getKey());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String slugOf(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String detailOf(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            default -> e.getMessage();
        };
    }

    /** Turns Jackson's reading failures into field-level validation problems. */
    public static final class JsonProblems {

        private JsonProblems() {
        }

        public static ApiProblem of(JsonProcessingException e) {
            if (e instanceof StreamConstraintsException) {
                // The parser's bounds (number and string lengths, nesting depth) hold before any field is read.
                return new ApiProblem(400, "malformed-json", "Malformed JSON", limitOf(e), null);
            }
            if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
                return new ApiProblem(400, "malformed-json", "Malformed JSON",
                        "The body is not well-formed JSON" + location(e), null);
            }
            if (!(e instanceof JsonMappingException jme)) {
                return new ApiProblem(400, "malformed-json", "Malformed JSON", "The body could not be read", null);
            }
            String field = pathOf(jme);
            if (e instanceof UnrecognizedPropertyException) {
                return ApiProblem.validation(field, "unknown property");
            }
            if (e instanceof UnstorableTextException) {
                return ApiProblem.validation(field.isEmpty() ? "body" : field, jme.getOriginalMessage());
            }
            if (e instanceof InvalidFormatException ife) {
                Class<?> target = ife.getTargetType();
                if (target != null && target.isEnum()) {
                    return ApiProblem.validation(field, "must be one of " + Arrays.toString(target.getEnumConstants()));
                }
                return ApiProblem.validation(field, "is not a valid " + typeName(target));
            }
            if (e instanceof InvalidNullException) {
                return ApiProblem.validation(field, "must not be null");
            }
            if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof ApiProblem p) {
                return p;
            }
            if (e instanceof MismatchedInputException mie) {
                if (field.isEmpty()) {
                    return new ApiProblem(400, "malformed-json", "Malformed JSON",
                            "The body must be a JSON " + expected(mie.getTargetType()), null);
                }
                return ApiProblem.validation(field, "must be " + expected(mie.getTargetType()));
            }
            return ApiProblem.validation(field.isEmpty() ? "body" : field, "could not be read");
        }

        static String pathOf(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }

        private static String expected(Class<?> type) {
            if (type == null) {
                return "a value of another type";
            }
            if (type.isEnum()) {
                return "one of " + Arrays.toString(type.getEnumConstants());
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
                return "a number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "a boolean";
            }
            if (type == String.class) {
                return "a string";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "an array";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return "an ISO-8601 " + typeName(type);
            }
            return "an object";
        }

        private static String typeName(Class<?> type) {
            if (type == null) {
                return "value";
            }
            if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
                return "timestamp with offset (2026-11-23T10:15:30Z) in the " + io.clientbook.common.Timestamps.YEARS;
            }
            if (type == java.time.LocalDate.class) {
                return "date (YYYY-MM-DD) in the " + io.clientbook.common.Timestamps.YEARS;
            }
            if (type == java.util.UUID.class) {
                return "UUID";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "number";
            }
            return type.getSimpleName();
        }

        private static String limitOf(JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.contains("Number value length")) {
                return "The body has a number with more digits than this service reads";
            }
            if (message.contains("String value length")) {
                return "The body has a string longer than this service reads";
            }
            if (message.contains("nesting depth")) {
                return "The body is nested deeper than this service reads";
            }
            return "The body is larger or more complex than this service reads";
        }

        private static String location(JsonProcessingException e) {
            return e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
    }
}
