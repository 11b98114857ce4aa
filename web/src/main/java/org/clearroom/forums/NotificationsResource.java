package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.boundary.Forums;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Paging;
import org.clearroom.platform.QueryParameters;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "forums")
public class NotificationsResource {

    @Inject
    Forums forums;

    @Inject
    Caller caller;

    @GET
    @Operation(
            summary = "The caller's notifications, newest first, with the unread count",
            description = "unread=true lists unread ones only. Only rooms the caller may still VIEW appear.")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = Paging.ORDER)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    public NotificationPage list(@QueryParam("unread") String unread, @BeanParam Paging paging) {
        var actor = caller.actor();
        var parameters = new QueryParameters();
        var onlyUnread = parameters.text("unread", unread, 5, false);
        if (onlyUnread != null && !onlyUnread.equals("true") && !onlyUnread.equals("false")) {
            parameters.add("unread", "must be true or false");
        }
        var page = paging.read(parameters, true, Paging.PAGE);
        parameters.check();
        return forums.notifications(actor, "true".equals(onlyUnread), page.newestFirst(), page.limit(), page.cursor());
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark notifications read: the listed ids, or all when ids is absent")
    public Unread read(MarkRead request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return new Unread(forums.markNotificationsRead(actor, request.ids()));
    }
}
