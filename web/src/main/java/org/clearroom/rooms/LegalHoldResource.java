package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A room's legal hold, placed and released by compliance officers. */
@Path("rooms/{id}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class LegalHoldResource {

    @Inject
    Caller caller;

    @Inject
    Rooms rooms;

    @PUT
    @Operation(
            operationId = "Rooms_placeLegalHold",
            summary = "Place a legal hold on the room (COMPLIANCE)",
            description = "While it stands nothing in the room is purged. 409 if the room is held already.")
    @APIResponse(responseCode = "409", description = "the room is under a legal hold already")
    public Room placeLegalHold(@PathParam("id") String id, NewLegalHold request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return rooms.placeLegalHold(actor, id, request.reason());
    }

    @DELETE
    @Operation(operationId = "Rooms_releaseLegalHold", summary = "Release the room's legal hold (COMPLIANCE)")
    @APIResponse(responseCode = "409", description = "the room is under no legal hold")
    public Room releaseLegalHold(@PathParam("id") String id) {
        return rooms.releaseLegalHold(caller.actor(), id);
    }
}
