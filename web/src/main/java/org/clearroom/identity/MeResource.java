package org.clearroom.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.identity.boundary.Accounts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The signed-in caller and its organisation")
    public Me me() {
        return accounts.me(caller.actor());
    }
}
