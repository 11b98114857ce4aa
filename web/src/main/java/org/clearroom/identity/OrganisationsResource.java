package org.clearroom.identity;

import jakarta.inject.Inject;
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
import java.util.List;
import org.clearroom.identity.boundary.Organisations;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class OrganisationsResource {

    @Inject
    Organisations organisations;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "All organisations (ADMIN)")
    @APIResponse(responseCode = "403", description = "not ADMIN")
    public List<Organisation> list() {
        return organisations.list(caller.actor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One organisation (ADMIN)")
    public Organisation get(@PathParam("id") String id) {
        return organisations.get(caller.actor(), id);
    }

    @POST
    @Operation(summary = "Create an organisation (ADMIN)", description = "Names are unique regardless of case.")
    @APIResponse(
            responseCode = "201",
            description = "the organisation",
            content = @Content(schema = @Schema(implementation = Organisation.class)),
            headers = @Header(name = "Location", description = "the organisation"))
    @APIResponse(responseCode = "409", description = "the name is taken")
    public Response create(NewOrganisation request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var created = organisations.create(actor, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }
}
