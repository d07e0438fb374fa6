package io.clientbook.audit;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Where the current HTTP request comes from. The address is the TCP peer as Vert.x reports it:
 * {@code Forwarded} / {@code X-Forwarded-For} change it only when the operator enables
 * {@code quarkus.http.proxy.proxy-address-forwarding} (with {@code trusted-proxies}); a client cannot
 * choose what the trail records otherwise. {@code X-Request-Id} is kept when it looks like an id.
 */
@ApplicationScoped
public class RequestOrigin {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Origin NONE = new Origin(null, null);

    @Inject
    CurrentVertxRequest request;

    /** The peer address and request id; both null outside an HTTP request. */
    public record Origin(String remoteAddress, String requestId) {
    }

    public Origin current() {
        if (!Arc.container().requestContext().isActive()) {
            return NONE;
        }
        RoutingContext rc = request.getCurrent();
        if (rc == null) {
            return NONE;
        }
        HttpServerRequest http = rc.request();
        SocketAddress peer = http.remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address != null && address.length() > 64) {
            address = address.substring(0, 64);
        }
        String requestId = http.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            requestId = null;
        }
        return new Origin(address, requestId);
    }
}
