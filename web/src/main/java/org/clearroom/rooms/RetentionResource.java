package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How long a room keeps its content. */
@Path("rooms/{id}/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class RetentionResource {

    @Inject
    Caller caller;

    @Inject
    Rooms rooms;

    @PUT
    @Operation(
            operationId = "Rooms_retention",
            summary = "Set how long the room keeps content (ADMIN)",
            description =
                    "days from 1 to 36500, or null to keep forever. Older posts and document bytes are purged; their ledger entries and digests stay. A legal hold blocks purging.")
    public Room retention(@PathParam("id") String id, Retention request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return rooms.setRetention(actor, id, request.days());
    }
}
