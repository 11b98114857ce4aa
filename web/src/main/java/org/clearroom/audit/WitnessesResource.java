package org.clearroom.audit;

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
import org.clearroom.audit.boundary.Witnesses;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit/witnesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class WitnessesResource {

    @Inject
    Witnesses witnesses;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "Witness keys",
            description = "Approved keys for anyone signed in; an organisation's own keys in any state; all for ADMIN.")
    public List<Witness> list() {
        return witnesses.list(caller.actor());
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One witness key and its last cosigned checkpoint",
            description =
                    "lastCosignedSize is the largest checkpoint the witness cosigned: the size to ask a consistency proof from.")
    public Witness get(@PathParam("id") String id) {
        return witnesses.get(caller.actor(), id);
    }

    @POST
    @Operation(
            summary = "Register the organisation's Ed25519 cosigning key",
            description = "Either {vkey} (C2SP vkey, type 0x04, or a plain Ed25519 note vkey, type 0x01) or {name,"
                    + " publicKey} (base64 of the 32-byte key). One live key per organisation; PENDING until an"
                    + " operator decides.")
    @APIResponse(
            responseCode = "201",
            description = "the witness key, PENDING",
            content = @Content(schema = @Schema(implementation = Witness.class)),
            headers = @Header(name = "Location", description = "the witness key"))
    @APIResponse(
            responseCode = "409",
            description = "the organisation has a live key already, or the name or key is taken")
    public Response register(NewWitness request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var created = witnesses.register(actor, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a pending witness key (ADMIN)")
    @APIResponse(responseCode = "409", description = "the key was decided already")
    public Witness approve(@PathParam("id") String id) {
        return witnesses.approve(caller.actor(), id);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a pending witness key (ADMIN)", description = "{reason}, shown to the organisation.")
    @APIResponse(responseCode = "409", description = "the key was decided already")
    public Witness reject(@PathParam("id") String id, WitnessDecision decision) {
        var actor = caller.actor();
        RecordReader.require(decision);
        return witnesses.reject(actor, id, decision);
    }
}
