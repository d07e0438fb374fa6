package io.clientbook.common.web;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;

/** Test-only: a blocking resource with a JSON body, telling where its body came from. */
@Path("/test-only/body-probe")
@PermitAll
public class BodyProbeResource {

    @Inject
    RoutingContext routing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> probe(Map<String, Object> body) {
        return Map.of("received", body, "onWorker", Context.isOnWorkerThread(),
                "readBeforeDispatch", routing.body().buffer() != null);
    }
}
