package io.clientbook.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new
 * UUID. The id is echoed in the response header, put in the logging MDC (so every log line of the
 * request carries it, in text and in JSON logs) and added to problem bodies as {@code requestId}.
 * A Vert.x route handler rather than a JAX-RS filter, so that requests no resource matches get one too.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Ids clients may choose: no spaces, no control characters, nothing that could forge a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            rc.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        });
    }

    /** The caller's id when acceptable, otherwise a new one. */
    static String accept(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
