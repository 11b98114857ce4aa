package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearroom.forums.boundary.Forums;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("posts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "forums")
public class PostsResource {

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
            summary = "One post (VIEW)",
            description = "Hidden posts show their content to moderators and the author only.")
    public Post get(@PathParam("id") String id) {
        return forums.post(caller.actor(), id);
    }

    @PATCH
    @Operation(summary = "Revise one's own post", description = "403 for anyone else's post; the old version is kept.")
    @APIResponse(responseCode = "409", description = "the thread is locked, or the post was purged")
    public Post revise(@PathParam("id") String id, NewPost request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return forums.revise(actor, id, request);
    }

    @GET
    @Path("revisions")
    @Operation(summary = "Every version of the post, oldest first, with author, time and digest")
    public List<Revision> revisions(@PathParam("id") String id) {
        return forums.revisions(caller.actor(), id);
    }

    @POST
    @Path("reactions")
    @Operation(
            summary = "Toggle the caller's reaction (CONTRIBUTE)",
            description = "Answers the post's reaction counts.")
    public List<ReactionCount> react(@PathParam("id") String id, NewReaction request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return forums.react(actor, id, request.reaction());
    }

    @POST
    @Path("flags")
    @Operation(
            summary = "Flag the post for the moderators (VIEW)",
            description =
                    "reason SPAM, OFF_TOPIC, INAPPROPRIATE, ILLEGAL or OTHER (with text). 409 while the caller's earlier flag is open.")
    @APIResponse(
            responseCode = "201",
            description = "the flag",
            content = @Content(schema = @Schema(implementation = Flag.class)),
            headers = @Header(name = "Location", description = "the flag"))
    @APIResponse(responseCode = "409", description = "the caller's earlier flag on the post is still open")
    public Response flag(@PathParam("id") String id, NewFlag request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var flag = forums.flag(actor, id, request);
        return Response.created(
                        uri.getBaseUriBuilder().path("flags").path(flag.id()).build())
                .entity(flag)
                .build();
    }

    @POST
    @Path("moderation")
    @Operation(summary = "Hide the post with a reason, or show it again (MODERATE)")
    public Post moderate(@PathParam("id") String id, PostModeration request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return moderation.post(actor, id, request);
    }
}
