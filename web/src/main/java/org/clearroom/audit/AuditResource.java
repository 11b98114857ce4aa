package org.clearroom.audit;

import jakarta.inject.Inject;
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
import org.clearroom.audit.boundary.AuditSearch;
import org.clearroom.audit.boundary.Ledger;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Public;
import org.clearroom.platform.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@Tag(name = "audit")
public class AuditResource {

    /** Looked up once: each {@code Json.create...} call looks the provider up through the service loader. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    Ledger ledger;

    @Inject
    AuditSearch search;

    @Inject
    Caller caller;

    @GET
    @Path("checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The latest signed checkpoint",
            description =
                    "A C2SP tlog-checkpoint signed note: origin, tree size, base64 root hash, then the server's Ed25519 signature line.")
    @APIResponse(
            responseCode = "200",
            description = "the signed note",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "503",
            description = "no checkpoint signed yet; see Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds to wait"),
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
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
    @Public
    @SecurityRequirements
    @Operation(
            summary = "The verifier key",
            description =
                    "C2SP vkey form name+keyid+base64(0x01 || Ed25519 public key); public, so anyone can verify checkpoints.")
    @APIResponse(
            responseCode = "200",
            description = "the verifier key",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    public Response key() {
        return Response.ok(ledger.verifierKey() + "\n", "text/plain; charset=utf-8")
                .build();
    }

    @GET
    @Path("proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inclusion proof of one entry (RFC 9162 2.1.3)")
    public JsonObject inclusion(
            @QueryParam("index")
                    @Parameter(
                            required = true,
                            description = "the entry's index",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String index,
            @QueryParam("treeSize")
                    @Parameter(
                            required = true,
                            description = "the size of the tree to prove it in",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String treeSize) {
        caller.actor();
        var query = new QueryParameters();
        var indexValue = query.number("index", index, true);
        var sizeValue = query.number("treeSize", treeSize, true);
        query.check();
        var proof = ledger.inclusionProof(indexValue, sizeValue);
        return JSON.createObjectBuilder()
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
    public JsonObject consistency(
            @QueryParam("from")
                    @Parameter(
                            required = true,
                            description = "the smaller tree size",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            required = true,
                            description = "the larger tree size",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String to) {
        caller.actor();
        var query = new QueryParameters();
        var fromValue = query.number("from", from, true);
        var toValue = query.number("to", to, true);
        query.check();
        var proof = ledger.consistencyProof(fromValue, toValue);
        return JSON.createObjectBuilder()
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
    @APIResponse(
            responseCode = "200",
            description = "one JSON object per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "not COMPLIANCE")
    public Response export(
            @QueryParam("from")
                    @Parameter(
                            description = "the first index (0)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "the index after the last (the latest checkpoint's size)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String to) {
        var actor = caller.actor();
        var query = new QueryParameters();
        var fromValue = query.number("from", from, false);
        var toValue = query.number("to", to, false);
        query.check();
        var range = ledger.authorizeExport(actor, fromValue, toValue);
        StreamingOutput body = out -> ledger.writeExport(range, out);
        return Response.ok(body, NDJSON)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"clearroom-audit-" + range.from() + "-" + range.to() + ".jsonl\"")
                .build();
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Search the audit trail (COMPLIANCE)",
            description =
                    "Newest first. Filters: organisation (entries by its members or about it), account, action, resource (exact, or a prefix ending in *), from/to (RFC 3339, to exclusive). Pages of limit entries (default 100, at most 500); pass next as cursor for the following page. Each search is itself audited.")
    @APIResponse(responseCode = "403", description = "not COMPLIANCE")
    public JsonObject search(
            @QueryParam("organisation") String organisation,
            @QueryParam("account") String account,
            @QueryParam("action") String action,
            @QueryParam("resource") String resource,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        var actor = caller.actor();
        var query = new QueryParameters();
        var organisationId = query.id("organisation", organisation, false);
        var accountId = query.id("account", account, false);
        var parsedAction = query.choice("action", action, Action.class, false);
        var resourceName = query.text("resource", resource, 200, false);
        var fromTime = query.time("from", from);
        var toTime = query.time("to", to);
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            query.add("to", "must be later than from");
        }
        var after = query.text("cursor", cursor, 1024, false);
        var size = query.number("limit", limit, false);
        if (size != null && (size < 1 || size > AuditSearch.MAX_PAGE)) {
            query.add("limit", "must be between 1 and " + AuditSearch.MAX_PAGE);
        }
        query.check();
        var page = search.search(
                actor,
                new AuditSearch.Query(
                        organisationId,
                        accountId,
                        parsedAction,
                        resourceName,
                        fromTime,
                        toTime,
                        after,
                        size == null ? 100 : size.intValue()));
        var entries = JSON.createArrayBuilder();
        for (var found : page.entries()) {
            var item = JSON.createObjectBuilder();
            if (found.index() != null) {
                item.add("index", found.index());
            }
            try (var reader = JSON.createReader(new java.io.StringReader(found.canonical()))) {
                item.add("entry", reader.readObject());
            }
            entries.add(item);
        }
        var result = JSON.createObjectBuilder().add("entries", entries);
        if (page.next() != null) {
            result.add("next", page.next());
        }
        return result.build();
    }

    @GET
    @Path("evidence")
    @Produces("application/zip")
    @Operation(
            summary = "Evidence package of one organisation",
            description =
                    "COMPLIANCE, or members of the organisation for their own. A zip: evidence.jsonl (each entry involving the organisation with its leaf hash and an inclusion proof), checkpoint.txt (the signed checkpoint they are proven against), key.vkey and manifest.json. Check it offline: java -jar clearroom-verify.jar evidence FILE.zip --key VKEY.")
    @APIResponse(
            responseCode = "200",
            description = "the evidence package",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "neither COMPLIANCE nor a member of the organisation")
    public Response evidence(
            @QueryParam("organisation") @Parameter(required = true, description = "the organisation's id")
                    String organisation,
            @QueryParam("from") @Parameter(description = "entries from this time on (RFC 3339)") String from,
            @QueryParam("to") @Parameter(description = "entries before this time (RFC 3339)") String to) {
        var actor = caller.actor();
        var query = new QueryParameters();
        query.id("organisation", organisation, true);
        var fromTime = query.time("from", from);
        var toTime = query.time("to", to);
        query.check();
        var plan = search.planEvidence(actor, organisation, fromTime, toTime);
        StreamingOutput body = out -> search.writeEvidence(plan, out);
        return Response.ok(body, "application/zip")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"clearroom-evidence-" + plan.organisation() + "-" + plan.treeSize()
                                + ".zip\"")
                .build();
    }

    private static jakarta.json.JsonArrayBuilder hashes(List<byte[]> hashes) {
        var array = JSON.createArrayBuilder();
        hashes.forEach(h -> array.add(Base64.getEncoder().encodeToString(h)));
        return array;
    }
}
