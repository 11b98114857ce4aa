package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearroom.access.NewRule;
import org.clearroom.access.Rule;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A room's access rules: listed, granted and revoked by operators and the room's moderators. */
@Path("rooms/{id}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class RoomRulesResource {

    @Inject
    Caller caller;

    @Inject
    Rooms rooms;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "Rooms_rules", summary = "The room's live rules (ADMIN or MODERATE)")
    public List<Rule> rules(@PathParam("id") String id) {
        return rooms.rules(caller.actor(), id);
    }

    @POST
    @Operation(
            operationId = "Rooms_grant",
            summary = "Grant a permission on the room (ADMIN or MODERATE)",
            description =
                    "The principal is an ORGANISATION or ACCOUNT (by id) or an ORG_KIND (by kind); expiresAt is optional and must lie ahead.")
    @APIResponse(
            responseCode = "201",
            description = "the rule",
            content = @Content(schema = @Schema(implementation = Rule.class)),
            headers = @Header(name = "Location", description = "the rule"))
    @APIResponse(responseCode = "409", description = "a live rule grants the same to the same principal already")
    public Response grant(@PathParam("id") String id, NewRule request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var rule = rooms.grant(actor, id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id()).build())
                .entity(rule)
                .build();
    }

    @DELETE
    @Path("{ruleId}")
    @Operation(operationId = "Rooms_revoke", summary = "Revoke a rule (ADMIN or MODERATE)")
    @APIResponse(responseCode = "204", description = "revoked; the rule stays on record")
    public Response revoke(@PathParam("id") String id, @PathParam("ruleId") String ruleId) {
        rooms.revoke(caller.actor(), id, ruleId);
        return Response.noContent().build();
    }
}
