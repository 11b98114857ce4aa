package org.clearroom.audit;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Base64;
import java.util.List;
import org.clearroom.audit.boundary.Ledger;
import org.clearroom.identity.Caller;
import org.clearroom.platform.control.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@Tag(name = "audit")
public class AuditResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    Ledger ledger;

    @Inject
    Caller caller;

    @GET
    @Path("checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The latest signed checkpoint",
            description =
                    "A C2SP tlog-checkpoint signed note: origin, tree size, base64 root hash, then the server's Ed25519 signature line.")
    public Response checkpoint() {
        caller.actor();
        return ledger.latestCheckpoint()
                .map(note -> Response.ok(note, "text/plain; charset=utf-8").build())
                .orElseGet(() -> Response.status(503)
                        .header("Retry-After", "1")
                        .type("text/plain")
                        .entity("no checkpoint yet\n")
                        .build());
    }

    @GET
    @Path("key")
    @Produces(MediaType.TEXT_PLAIN)
    @SecurityRequirements
    @Operation(
            summary = "The verifier key",
            description =
                    "C2SP vkey form name+keyid+base64(0x01 || Ed25519 public key); public, so anyone can verify checkpoints.")
    public Response key() {
        return Response.ok(ledger.verifierKey() + "\n", "text/plain; charset=utf-8")
                .build();
    }

    @GET
    @Path("proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inclusion proof of one entry (RFC 9162 2.1.3)")
    public JsonObject inclusion(@QueryParam("index") String index, @QueryParam("treeSize") String treeSize) {
        caller.actor();
        var proof = ledger.inclusionProof(number("index", index), number("treeSize", treeSize));
        return Json.createObjectBuilder()
                .add("index", proof.index())
                .add("treeSize", proof.treeSize())
                .add("leafHash", Base64.getEncoder().encodeToString(proof.leafHash()))
                .add("hashes", hashes(proof.hashes()))
                .build();
    }

    @GET
    @Path("proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 2.1.4)")
    public JsonObject consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        caller.actor();
        var proof = ledger.consistencyProof(number("from", from), number("to", to));
        return Json.createObjectBuilder()
                .add("from", proof.from())
                .add("to", proof.to())
                .add("hashes", hashes(proof.hashes()))
                .build();
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @Operation(
            summary = "Export entries as JSON Lines (COMPLIANCE)",
            description =
                    "One {index, entry, leafHash} per line for indexes in [from, to), by default the whole latest checkpoint. entry's RFC 8785 bytes are the Merkle leaf. Streamed in constant memory.")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        var range = ledger.authorizeExport(caller.actor(), optionalNumber("from", from), optionalNumber("to", to));
        StreamingOutput body = out -> ledger.writeExport(range, out);
        return Response.ok(body, NDJSON)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"clearroom-audit-" + range.from() + "-" + range.to() + ".jsonl\"")
                .build();
    }

    private static jakarta.json.JsonArrayBuilder hashes(List<byte[]> hashes) {
        var array = Json.createArrayBuilder();
        hashes.forEach(h -> array.add(Base64.getEncoder().encodeToString(h)));
        return array;
    }

    private static long number(String name, String value) {
        var parsed = optionalNumber(name, value);
        if (parsed == null) {
            throw new InvalidInput(name, "is required");
        }
        return parsed;
    }

    private static Long optionalNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }
}
