package io.clientbook.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.clientbook.common.error.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem bodies for what never reaches a resource: paths no resource serves (404) and bodies over
 * the size limit (413, raised by the HTTP layer before any resource runs).
 */
@ApplicationScoped
public class FallbackRoutes {

    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /** The route order of the declared-size check: right after {@link RequestIds}, before anything reads a body. */
    static final int SIZE_CHECK_ORDER = Integer.MIN_VALUE + 1;

    void install(@Observes Router router) {
        // Declared sizes are checked before anything reads the body; the HTTP layer still cuts off
        // chunked bodies that grow past the limit.
        router.route().order(SIZE_CHECK_ORDER).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && length.length() < 19 && Long.parseLong(length) > maxBodySize.asLongValue()) {
                send(ctx, 413, "payload-too-large", "Payload too large", tooLarge());
                return;
            }
            ctx.next();
        });
        router.route().last().handler(ctx -> send(ctx, 404, "not-found", "Resource not found", "No resource at this path"));
        router.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                send(ctx, 413, "payload-too-large", "Payload too large", tooLarge());
            } else {
                ctx.next();
            }
        });
    }

    private String tooLarge() {
        return "The request body is larger than the limit of " + maxBodySize.asLongValue() + " bytes";
    }

    private void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Problem problem = new Problem(slug, title, status, detail, ctx.normalizedPath(), null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
