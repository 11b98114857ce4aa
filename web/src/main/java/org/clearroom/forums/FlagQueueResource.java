package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Page;
import org.clearroom.platform.Paging;
import org.clearroom.platform.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A forum room's flag queue, for its moderators. */
@Path("rooms/{id}/flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class FlagQueueResource {

    @Inject
    Caller caller;

    @Inject
    Moderation moderation;

    @GET
    @Operation(
            operationId = "Rooms_flags",
            summary = "The room's flag queue (MODERATE)",
            description = "state=open (default) or resolved; newest first.")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = Paging.ORDER)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Page<Flag> flags(@PathParam("id") String id, @QueryParam("state") String state, @BeanParam Paging paging) {
        var actor = caller.actor();
        var parameters = new QueryParameters();
        var which = parameters.text("state", state, 16, false);
        if (which != null && !which.equals("open") && !which.equals("resolved")) {
            parameters.add("state", "must be open or resolved");
        }
        var page = paging.read(parameters, true, Paging.PAGE);
        parameters.check();
        return moderation.flags(actor, id, !"resolved".equals(which), page.newestFirst(), page.limit(), page.cursor());
    }
}
