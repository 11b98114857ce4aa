package org.clearroom.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clearroom.audit.boundary.Witnesses;
import org.clearroom.identity.Caller;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit/cosignatures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class CosignaturesResource {

    @Inject
    Witnesses witnesses;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            summary = "Post a witness cosignature of a checkpoint",
            description = "{checkpointSize, signature}: signature is the C2SP tlog-cosignature line"
                    + " '— <name> <base64(key id || u64 timestamp || Ed25519 signature)>' or its base64, signed over"
                    + " 'cosignature/v1\\ntime <timestamp>\\n' and the checkpoint body. Only members of the witness's"
                    + " organisation, for an approved key. 201 when stored; 200 with the stored one when the"
                    + " witness cosigned that checkpoint already.")
    @APIResponse(
            responseCode = "200",
            description = "the witness cosigned that checkpoint already: the stored cosignature",
            content = @Content(schema = @Schema(implementation = WitnessCosignature.class)))
    @APIResponse(
            responseCode = "201",
            description = "stored",
            content = @Content(schema = @Schema(implementation = WitnessCosignature.class)),
            headers = @Header(name = "Location", description = "the checkpoint it cosigns"))
    @APIResponse(
            responseCode = "409",
            description = "the witness key is not approved, or the witness cosigned a larger checkpoint already")
    public Response cosign(NewCosignature request) {
        var actor = caller.actor();
        RecordReader.require(request);
        var accepted = witnesses.cosign(actor, request);
        var checkpoint = uri.getBaseUriBuilder()
                .path("audit/checkpoints/{size}")
                .build(accepted.cosignature().checkpointSize());
        return (accepted.stored() ? Response.created(checkpoint) : Response.ok().location(checkpoint))
                .entity(accepted.cosignature())
                .build();
    }
}
