package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.Purged;
import org.clearroom.identity.Caller;
import org.clearroom.rooms.boundary.RoomRetention;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applying a room's retention by hand. */
@Path("rooms/{id}/purge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class PurgeResource {

    @Inject
    Caller caller;

    @Inject
    RoomRetention retention;

    @POST
    @Operation(
            operationId = "Rooms_purge",
            summary = "Apply the room's retention now (ADMIN)",
            description =
                    "Removes post bodies and thread titles older than the retention period; it also runs hourly. 409 while a legal hold stands.")
    @APIResponse(responseCode = "409", description = "the room is under a legal hold")
    public Purged purge(@PathParam("id") String id) {
        var purged = retention.purge(caller.actor(), id);
        return new Purged(id, purged.getOrDefault("posts", 0), purged.getOrDefault("threads", 0));
    }
}
