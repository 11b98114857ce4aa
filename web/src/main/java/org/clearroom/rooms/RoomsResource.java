package org.clearroom.rooms;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearroom.access.NewRule;
import org.clearroom.access.Rule;
import org.clearroom.forums.Flag;
import org.clearroom.forums.ForumThread;
import org.clearroom.forums.ModerationEvent;
import org.clearroom.forums.NewThread;
import org.clearroom.forums.OpenedThread;
import org.clearroom.forums.Purged;
import org.clearroom.forums.Watching;
import org.clearroom.forums.boundary.Forums;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Page;
import org.clearroom.platform.Paging;
import org.clearroom.platform.QueryParameters;
import org.clearroom.platform.RecordReader;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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
    Forums forums;

    @Inject
    Moderation moderation;

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

    @GET
    @Path("{id}/rules")
    @Operation(summary = "The room's live rules (ADMIN or MODERATE)")
    public List<Rule> rules(@PathParam("id") String id) {
        return rooms.rules(caller.actor(), id);
    }

    @POST
    @Path("{id}/rules")
    @Operation(
            summary = "Grant a permission on the room (ADMIN or MODERATE)",
            description =
                    "The principal is an ORGANISATION or ACCOUNT (by id) or an ORG_KIND (by kind); expiresAt is optional and must lie ahead.")
    @APIResponse(
            responseCode = "201",
            description = "the rule",
            content = @Content(schema = @Schema(implementation = Rule.class)),
            headers = @Header(name = "Location", description = "the rule"))
    public Response grant(@PathParam("id") String id, NewRule request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var rule = rooms.grant(actor, id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id()).build())
                .entity(rule)
                .build();
    }

    @PUT
    @Path("{id}/retention")
    @Operation(
            summary = "Set how long the room keeps content (ADMIN)",
            description =
                    "days from 1 to 36500, or null to keep forever. Older posts and document bytes are purged; their ledger entries and digests stay. A legal hold blocks purging.")
    public Room retention(@PathParam("id") String id, Retention request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return rooms.setRetention(actor, id, request.days());
    }

    @PUT
    @Path("{id}/legal-hold")
    @Operation(
            summary = "Place a legal hold on the room (COMPLIANCE)",
            description = "While it stands nothing in the room is purged. 409 if the room is held already.")
    @APIResponse(responseCode = "409", description = "the room is under a legal hold already")
    public Room placeLegalHold(@PathParam("id") String id, NewLegalHold request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return rooms.placeLegalHold(actor, id, request.reason());
    }

    @DELETE
    @Path("{id}/legal-hold")
    @Operation(summary = "Release the room's legal hold (COMPLIANCE)")
    @APIResponse(responseCode = "409", description = "the room is under no legal hold")
    public Room releaseLegalHold(@PathParam("id") String id) {
        return rooms.releaseLegalHold(caller.actor(), id);
    }

    @DELETE
    @Path("{id}/rules/{ruleId}")
    @Operation(summary = "Revoke a rule (ADMIN or MODERATE)")
    @APIResponse(responseCode = "204", description = "revoked; the rule stays on record")
    public Response revoke(@PathParam("id") String id, @PathParam("ruleId") String ruleId) {
        rooms.revoke(caller.actor(), id, ruleId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/threads")
    @Operation(
            summary = "The forum room's threads (VIEW)",
            description =
                    "Pinned first, then by latest post; order=newest (default) or oldest; limit 1-100 (50); cursor from the previous page. Each carries the caller's unread count.")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = Paging.ORDER)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Page<ForumThread> threads(@PathParam("id") String id, @BeanParam Paging paging) {
        var actor = caller.actor();
        var page = paging.read(true);
        return forums.threads(actor, id, page.newestFirst(), page.limit(), page.cursor());
    }

    @POST
    @Path("{id}/threads")
    @Operation(
            summary = "Open a thread with its first post (CONTRIBUTE)",
            description = "title 1-200 characters; body Markdown, 1-50,000 characters, nesting at most 32 deep.")
    @APIResponse(
            responseCode = "201",
            description = "the thread and its first post",
            content = @Content(schema = @Schema(implementation = OpenedThread.class)),
            headers = @Header(name = "Location", description = "the thread"))
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Response open(@PathParam("id") String id, NewThread request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var opened = forums.open(actor, id, request);
        return Response.created(uri.getBaseUriBuilder()
                        .path("threads")
                        .path(opened.thread().id())
                        .build())
                .entity(opened)
                .build();
    }

    @GET
    @Path("{id}/flags")
    @Operation(
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

    @GET
    @Path("{id}/moderation-log")
    @Operation(
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

    @GET
    @Path("{id}/subscription")
    @Operation(summary = "Whether the caller watches the forum room (VIEW)")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Watching watching(@PathParam("id") String id) {
        return new Watching(forums.watchesRoom(caller.actor(), id));
    }

    @PUT
    @Path("{id}/subscription")
    @Operation(summary = "Watch the forum room (VIEW): every new thread and post notifies the caller")
    @APIResponse(responseCode = "204", description = "watching")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Response watch(@PathParam("id") String id) {
        forums.watchRoom(caller.actor(), id, true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/subscription")
    @Operation(summary = "Stop watching the forum room")
    @APIResponse(responseCode = "204", description = "not watching")
    @APIResponse(responseCode = "409", description = "the room is not a FORUM room")
    public Response unwatch(@PathParam("id") String id) {
        forums.watchRoom(caller.actor(), id, false);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/purge")
    @Operation(
            summary = "Apply the room's retention now (ADMIN)",
            description =
                    "Removes post bodies and thread titles older than the retention period unless a legal hold stands; it also runs hourly.")
    public Purged purge(@PathParam("id") String id) {
        return moderation.purge(caller.actor(), id);
    }
}
