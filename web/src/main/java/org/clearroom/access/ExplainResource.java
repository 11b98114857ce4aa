package org.clearroom.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.identity.Caller;
import org.clearroom.platform.QueryParameters;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class ExplainResource {

    @Inject
    Rooms rooms;

    @Inject
    Caller caller;

    @GET
    @Path("explain")
    @Operation(
            summary = "Why an account may or may not do something",
            description =
                    "Answers from the same code path that decides. ADMIN and COMPLIANCE may ask about anyone; others about themselves.")
    @APIResponse(responseCode = "403", description = "asking about another account without ADMIN or COMPLIANCE")
    public Explanation explain(
            @QueryParam("account") @Parameter(required = true, description = "the account's id") String account,
            @QueryParam("permission") @Parameter(required = true, schema = @Schema(implementation = Permission.class))
                    String permission,
            @QueryParam("resource") @Parameter(required = true, description = "rooms/{id}") String resource) {
        var actor = caller.actor();
        var query = new QueryParameters();
        query.id("account", account, true);
        var parsed = query.choice("permission", permission, Permission.class, true);
        query.resource("resource", resource, "rooms/", true);
        query.check();
        return rooms.explain(actor, account, parsed, resource);
    }
}
