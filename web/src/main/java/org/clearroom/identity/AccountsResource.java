package org.clearroom.identity;

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
import org.clearroom.identity.boundary.Accounts;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "identity")
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "All accounts (ADMIN)")
    @APIResponse(responseCode = "403", description = "not ADMIN")
    public List<Account> list() {
        return accounts.list(caller.actor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One account (ADMIN)")
    public Account get(@PathParam("id") String id) {
        return accounts.get(caller.actor(), id);
    }

    @POST
    @Operation(
            summary = "Create an account (ADMIN)",
            description = "Passwords have 12 to 256 characters; roles are ADMIN and COMPLIANCE.")
    @APIResponse(
            responseCode = "201",
            description = "the account",
            content = @Content(schema = @Schema(implementation = Account.class)),
            headers = @Header(name = "Location", description = "the account"))
    @APIResponse(responseCode = "409", description = "the username is taken")
    public Response create(NewAccount request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var created = accounts.create(actor, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("{id}")
    @Operation(
            summary = "Disable or enable an account (ADMIN)",
            description = "Disabling ends all of the account's tokens and sessions at once.")
    @APIResponse(responseCode = "409", description = "operators cannot disable their own account")
    public Account change(@PathParam("id") String id, AccountChange change) {
        var actor = caller.actor();
        RecordReader.require(change);
        return accounts.setDisabled(actor, id, change.disabled());
    }
}
