package org.clearroom.forums;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clearroom.forums.boundary.Forums;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Page;
import org.clearroom.platform.Paging;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("threads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "forums")
public class ThreadsResource {

    @Inject
    Forums forums;

    @Inject
    Moderation moderation;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "One thread (VIEW)", description = "Includes the caller's unread count and subscription.")
    public ForumThread get(@PathParam("id") String id) {
        return forums.thread(caller.actor(), id);
    }

    @GET
    @Path("posts")
    @Operation(
            summary = "The thread's posts (VIEW), oldest first by default",
            description =
                    "order=newest|oldest, limit 1-100 (50), cursor from the previous page's next. Marks them read.")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = Paging.ORDER)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    public Page<Post> posts(@PathParam("id") String id, @BeanParam Paging paging) {
        var actor = caller.actor();
        var page = paging.read(false);
        return forums.posts(actor, id, page.newestFirst(), page.limit(), page.cursor());
    }

    @POST
    @Path("posts")
    @Operation(summary = "Reply (CONTRIBUTE)", description = "409 when the thread is locked. The body is Markdown.")
    @APIResponse(
            responseCode = "201",
            description = "the new post",
            content = @Content(schema = @Schema(implementation = Post.class)),
            headers = @Header(name = "Location", description = "the new post"))
    @APIResponse(responseCode = "409", description = "the thread is locked")
    public Response reply(@PathParam("id") String id, NewPost request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var post = forums.reply(actor, id, request);
        return Response.created(
                        uri.getBaseUriBuilder().path("posts").path(post.id()).build())
                .entity(post)
                .build();
    }

    @POST
    @Path("moderation")
    @Operation(
            summary = "Pin, unpin, lock, unlock or move the thread (MODERATE)",
            description =
                    "MOVE needs roomId, a FORUM room the caller moderates too. Each action is logged with its reason.")
    @APIResponse(
            responseCode = "409",
            description = "MOVE into the room the thread is in already, or into a room that is not a FORUM room")
    public ForumThread moderate(@PathParam("id") String id, ThreadModeration request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return moderation.thread(actor, id, request);
    }

    @PUT
    @Path("subscription")
    @Operation(summary = "Watch the thread (VIEW): its new posts notify the caller")
    @APIResponse(responseCode = "204", description = "watching")
    public Response watch(@PathParam("id") String id) {
        forums.watchThread(caller.actor(), id, true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("subscription")
    @Operation(summary = "Stop watching the thread")
    @APIResponse(responseCode = "204", description = "not watching")
    public Response unwatch(@PathParam("id") String id) {
        forums.watchThread(caller.actor(), id, false);
        return Response.noContent().build();
    }
}
