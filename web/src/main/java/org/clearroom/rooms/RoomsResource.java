package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class RoomsResource {

    @Inject
    Rooms rooms;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "Rooms the caller may VIEW",
            description =
                    "With scope=manage: the rooms whose rules the caller may manage (all for ADMIN, moderated ones otherwise).")
    public List<Room> list(@QueryParam("scope") @Parameter(description = "view (default) or manage") String scope) {
        var actor = caller.actor();
        if (scope == null || scope.equals("view")) {
            return rooms.visible(actor);
        }
        if (scope.equals("manage")) {
            return rooms.manageable(actor);
        }
        throw new InvalidInput("scope", "must be view or manage");
    }

    @POST
    @Operation(summary = "Create a room (ADMIN)")
    @APIResponse(
            responseCode = "201",
            description = "the room",
            content = @Content(schema = @Schema(implementation = Room.class)),
            headers = @Header(name = "Location", description = "the room"))
    public Response create(NewRoom request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var created = rooms.create(actor, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One room", description = "404 unless the caller may VIEW it.")
    public Room get(@PathParam("id") String id) {
        return rooms.get(caller.actor(), id);
    }
}
