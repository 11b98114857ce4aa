package org.clearroom.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clearroom.audit.boundary.Witnesses;
import org.clearroom.identity.Caller;
import org.clearroom.platform.control.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit/checkpoints")
@Tag(name = "audit")
public class CheckpointsResource {

    @Inject
    Witnesses witnesses;

    @Inject
    Caller caller;

    @GET
    @Path("{size}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The checkpoint of one tree size, with its cosignatures",
            description = "A C2SP signed note: the server's signature line, then every witness cosignature accepted"
                    + " for that checkpoint. Lets a witness re-read the checkpoint it cosigned last.")
    @APIResponse(
            responseCode = "200",
            description = "the signed note",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "size is not a whole number")
    public Response checkpoint(@PathParam("size") String size) {
        long treeSize;
        try {
            treeSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new InvalidInput("size", "must be a whole number");
        }
        var note = witnesses.checkpoint(caller.actor(), treeSize);
        return Response.ok(note, "text/plain; charset=utf-8").build();
    }
}
