package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Page;
import org.clearroom.platform.Paging;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A forum room's moderation log, for its readers. */
@Path("rooms/{id}/moderation-log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class ModerationLogResource {

    @Inject
    Caller caller;

    @Inject
    Moderation moderation;

    @GET
    @Operation(
            operationId = "Rooms_moderationLog",
            summary = "Who moderated what in the room, when and why (VIEW)",
            description = "Newest first. Hidden content itself never appears.")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = Paging.ORDER)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Page<ModerationEvent> moderationLog(@PathParam("id") String id, @BeanParam Paging paging) {
        var actor = caller.actor();
        var page = paging.read(true);
        return moderation.log(actor, id, page.newestFirst(), page.limit(), page.cursor());
    }
}
