package io.clientbook.common.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads JSON request bodies whole on the I/O thread, before the request moves to a worker thread.
 * <p>
 * Without this, a blocking resource reads its body on the worker from a stream that the I/O thread
 * fills, and the worker waits for the I/O thread at least twice per request: once for the data and
 * once for its end. Each wait is a hand-off between threads, tens of microseconds on a busy machine
 * and about a tenth of a customer search's time. When a route has read the body, RESTEasy Reactive
 * takes it from memory instead.
 * <p>
 * The size limit is {@code quarkus.http.limits.max-body-size}, and a body over it is a 413
 * ({@link FallbackRoutes}). Other media types are left to stream as before: the API takes only JSON,
 * and whatever else a client sends is refused (415) the way it always was.
 */
@ApplicationScoped
public class RequestBodies {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false)
                .setBodyLimit(maxBodySize.asLongValue())
                .setMergeFormAttributes(false)
                .setPreallocateBodyBuffer(true);
        // After the declared-size check, so a body declared too large is refused before any of it is read.
        router.route().order(FallbackRoutes.SIZE_CHECK_ORDER + 1).handler(ctx -> {
            if (isJson(ctx.request().getHeader("Content-Type"))) {
                ctx.request().resume();
                bodies.handle(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /** Whether a Content-Type names JSON: application/json or a type with a +json suffix. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        return type.startsWith("application/") && (type.equals("application/json") || type.endsWith("+json"));
    }
}
