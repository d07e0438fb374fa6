package io.clientbook.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only: fails the way a bug would, to check what a client sees of an unexpected failure. */
@Path("/test-only/fail")
@PermitAll
public class FailingTestResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("secret internal detail: jdbc:postgresql://db/secret");
    }
}
