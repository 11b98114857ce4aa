package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("flags/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "forums")
public class FlagsResource {

    @Inject
    Moderation moderation;

    @Inject
    Caller caller;

    @POST
    @Path("resolution")
    @Operation(
            summary = "Resolve a flag (MODERATE)",
            description =
                    "HIDE hides the post (the note, or the flag's reason, becomes the hiding reason) and resolves every open flag on it; DISMISS resolves this one.")
    @APIResponse(responseCode = "409", description = "the flag was resolved already")
    public Flag resolve(@PathParam("id") String id, FlagResolution request) {
        var actor = caller.actor();
        RecordReader.require(request);
        return moderation.resolve(actor, id, request);
    }
}
