package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clearroom.forums.boundary.Forums;
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

/** A forum room's threads: listed and opened. */
@Path("rooms/{id}/threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class RoomThreadsResource {

    @Inject
    Caller caller;

    @Inject
    Forums forums;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            operationId = "Rooms_threads",
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
    @Operation(
            operationId = "Rooms_open",
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
}
