package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clearroom.forums.boundary.Forums;
import org.clearroom.identity.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Watching a forum room. */
@Path("rooms/{id}/subscription")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class RoomSubscriptionResource {

    @Inject
    Caller caller;

    @Inject
    Forums forums;

    @GET
    @Operation(operationId = "Rooms_watching", summary = "Whether the caller watches the forum room (VIEW)")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Watching watching(@PathParam("id") String id) {
        return new Watching(forums.watchesRoom(caller.actor(), id));
    }

    @PUT
    @Operation(
            operationId = "Rooms_watch",
            summary = "Watch the forum room (VIEW): every new thread and post notifies the caller")
    @APIResponse(responseCode = "204", description = "watching")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Response watch(@PathParam("id") String id) {
        forums.watchRoom(caller.actor(), id, true);
        return Response.noContent().build();
    }

    @DELETE
    @Operation(operationId = "Rooms_unwatch", summary = "Stop watching the forum room")
    @APIResponse(responseCode = "204", description = "not watching")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Response unwatch(@PathParam("id") String id) {
        forums.watchRoom(caller.actor(), id, false);
        return Response.noContent().build();
    }
}
