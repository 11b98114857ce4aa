package org.clearroom.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.clearroom.audit.Action;
import org.clearroom.audit.Cosignature;
import org.clearroom.audit.CosignerKey;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.NewCosignature;
import org.clearroom.audit.NewWitness;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.Witness;
import org.clearroom.audit.WitnessCosignature;
import org.clearroom.audit.WitnessDecision;
import org.clearroom.audit.WitnessStatus;
import org.clearroom.audit.control.CosignedNotes;
import org.clearroom.audit.control.LedgerSigner;
import org.clearroom.audit.entity.CosignatureEntity;
import org.clearroom.audit.entity.WitnessEntity;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.platform.Blank;
import org.clearroom.platform.FieldError;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Conflict;
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotFound;

/**
 * Witnessing of the ledger (C2SP tlog-cosignature): organisations register one Ed25519 cosigning key,
 * operators approve or reject it, and the organisation's witness posts cosignatures of checkpoints it
 * has checked, which the server verifies and then serves as extra signature lines of those checkpoints.
 *
 * <p>Anyone signed in sees approved keys (verifiers need them); an organisation sees its own keys in any
 * state; operators see all. Every registration, decision and accepted cosignature is audited.
 */
@ApplicationScoped
@Transactional
public class Witnesses {

    /** How far ahead of the server clock a cosignature's timestamp may be (clock skew). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private static final String LINE_START = "\u2014 ";

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    LedgerSigner signer;

    @Inject
    Clock clock;

    /** What a posted cosignature came to: {@code stored} is false when the checkpoint was cosigned already. */
    public record Accepted(WitnessCosignature cosignature, boolean stored) {}

    public Witness register(Actor actor, NewWitness request) {
        if (actor.organisationId() == null || actor.accountId() == null) {
            throw new Forbidden("only accounts of an organisation register its witness key");
        }
        if (actor.organisationKind() == OrgKind.OPERATOR) {
            throw new Forbidden("the log's operators cannot witness their own log: a witness is independent of it");
        }
        var key = keyOf(request);
        boolean vkeyForm = request.vkey() != null;
        String nameField = vkeyForm ? "vkey" : "name";
        String keyField = vkeyForm ? "vkey" : "publicKey";
        if (key.name().equals(signer.origin())) {
            throw new InvalidInput(nameField, "is the ledger's own name; a witness needs a name of its own");
        }
        for (var live : live()) {
            if (live.organisationId().equals(actor.organisationId())) {
                throw new Conflict(
                        nameField,
                        "your organisation has a witness key already (" + live.name() + ", " + live.status()
                                + "); an organisation has one live key");
            }
            if (live.name().equals(key.name())) {
                throw new Conflict(nameField, "a witness named '" + key.name() + "' is registered already");
            }
            if (Arrays.equals(live.key().publicKey(), key.publicKey())) {
                throw new Conflict(keyField, "this public key is registered already; one key serves one witness");
            }
        }
        var witness = new WitnessEntity(actor.organisationId(), key, actor.accountId(), Instant.now(clock));
        em.persist(witness);
        audit.record(actor, Action.WITNESS_REGISTERED, resource(witness), key.encoded());
        return witness.toRecord(null, null);
    }

    public List<Witness> list(Actor actor) {
        var query = actor.has(Role.ADMIN)
                ? em.createQuery("select w from WitnessEntity w", WitnessEntity.class)
                : em.createQuery(
                                "select w from WitnessEntity w where w.organisationId = :organisation"
                                        + " or w.status = :approved",
                                WitnessEntity.class)
                        .setParameter("organisation", Objects.requireNonNullElse(actor.organisationId(), ""))
                        .setParameter("approved", WitnessStatus.APPROVED);
        return query.getResultList().stream()
                .sorted(Comparator.comparing(WitnessEntity::createdAt).thenComparing(WitnessEntity::id))
                .map(this::toRecord)
                .toList();
    }

    public Witness get(Actor actor, String id) {
        return toRecord(visible(actor, id));
    }

    public Witness approve(Actor actor, String id) {
        actor.require(Role.ADMIN);
        var witness = find(id).orElseThrow(() -> new NotFound("witness " + id));
        witness.approve(actor.accountId(), Instant.now(clock));
        audit.record(
                actor, Action.WITNESS_APPROVED, resource(witness), witness.key().encoded());
        return toRecord(witness);
    }

    public Witness reject(Actor actor, String id, WitnessDecision decision) {
        actor.require(Role.ADMIN);
        var witness = find(id).orElseThrow(() -> new NotFound("witness " + id));
        witness.reject(actor.accountId(), Instant.now(clock), decision.reason());
        audit.record(
                actor, Action.WITNESS_REJECTED, resource(witness), witness.key().encoded() + "\n" + decision.reason());
        return toRecord(witness);
    }

    /**
     * Accepts a witness's cosignature of the checkpoint of {@code checkpointSize} once it verifies against
     * the witness's approved key over that checkpoint's exact body. The witness is the one whose key id
     * (and name, when the whole line is given) the signature carries; only members of its organisation
     * post for it. A witness moves forward only: a cosignature of a smaller checkpoint than its last is
     * refused, and a second one of the same checkpoint answers the stored one.
     */
    public Accepted cosign(Actor actor, NewCosignature request) {
        long size = request.checkpointSize();
        var presented = presented(request.signature());
        var body = checkpointBody(size);
        var witness = witnessOf(actor, presented);
        if (!witness.organisationId().equals(actor.organisationId()) || actor.accountId() == null) {
            throw new Forbidden("only accounts of the witness's organisation post its cosignatures");
        }
        if (!witness.approved()) {
            throw new Conflict(
                    "signature",
                    "the witness key " + witness.key().encoded() + " is " + witness.status()
                            + "; only approved keys cosign");
        }
        em.lock(witness, LockModeType.PESSIMISTIC_WRITE); // one cosignature of a witness at a time
        var cosignature = Cosignature.decode(witness.name(), presented.base64());
        if (!cosignature.verifies(witness.key(), body)) {
            throw new InvalidInput(
                    "signature",
                    "does not verify with the witness key " + witness.key().encoded()
                            + " over the body of the checkpoint of size " + size);
        }
        if (cosignature.time().isAfter(Instant.now(clock).plus(FUTURE_TOLERANCE))) {
            throw new InvalidInput("signature", "its timestamp " + cosignature.time() + " is in the future");
        }
        var last = lastCosignature(witness);
        if (last.isPresent() && last.get().treeSize() == size) {
            return new Accepted(last.get().toRecord(witness), false);
        }
        if (last.isPresent() && last.get().treeSize() > size) {
            throw new Conflict(
                    "checkpointSize",
                    "this witness cosigned the checkpoint of size " + last.get().treeSize()
                            + " already; a witness cosigns larger checkpoints only");
        }
        var accepted = new CosignatureEntity(witness, size, cosignature, actor.accountId(), Instant.now(clock));
        em.persist(accepted);
        audit.record(actor, Action.CHECKPOINT_COSIGNED, resource(witness), body + "\n" + cosignature.line());
        return new Accepted(accepted.toRecord(witness), true);
    }

    /** The checkpoint of {@code treeSize} with every cosignature accepted for it. */
    public String checkpoint(Actor actor, long treeSize) {
        Objects.requireNonNull(actor, "signed in");
        try (var connection = dataSource.getConnection()) {
            return CosignedNotes.cosignedNote(connection, treeSize)
                    .orElseThrow(() -> new NotFound("the checkpoint of size " + treeSize));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CosignerKey keyOf(NewWitness request) {
        boolean vkey = request.vkey() != null && !request.vkey().isBlank();
        boolean pair = request.name() != null || request.publicKey() != null;
        if (vkey && pair) {
            throw new InvalidInput("vkey", "give either vkey or name and publicKey, not both");
        }
        if (vkey) {
            CosignerKey parsed;
            try {
                parsed = CosignerKey.parse(request.vkey());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("vkey", e.getMessage());
            }
            return usable(parsed, "vkey");
        }
        var errors = new ArrayList<FieldError>();
        if (!pair) {
            errors.add(new FieldError("vkey", "is required, unless name and publicKey are given"));
        } else {
            if (Blank.blank(request.name())) {
                errors.add(new FieldError("name", "is required with publicKey"));
            }
            if (request.publicKey() == null || request.publicKey().isBlank()) {
                errors.add(new FieldError("publicKey", "is required with name"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(request.publicKey().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("publicKey", "must be the base64 of a 32-byte Ed25519 public key");
        }
        if (raw.length != 32) {
            throw new InvalidInput("publicKey", "must be the base64 of a 32-byte Ed25519 public key");
        }
        CosignerKey key;
        try {
            key = new CosignerKey(request.name().strip(), raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("name", e.getMessage());
        }
        return usable(key, "publicKey");
    }

    /** {@code key}, unless no private key is needed to sign for it (see {@link Ed25519#publicKeyProblem}). */
    private static CosignerKey usable(CosignerKey key, String field) {
        var problem = Ed25519.publicKeyProblem(key.publicKey());
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
        return key;
    }

    /** The signature field: the whole line (name checked against the witness) or only its base64. */
    private record Presented(String name, byte[] keyId, String base64) {}

    private static Presented presented(String signature) {
        var text = signature.strip();
        try {
            if (text.startsWith(LINE_START)) {
                var line = Cosignature.parseLine(text);
                return new Presented(line.name(), line.keyId(), line.base64());
            }
            // the base64 alone names no witness yet: decode under a stand-in name, then find it by key id
            var bare = Cosignature.decode("unnamed", text);
            return new Presented(null, bare.keyId(), bare.base64());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("signature", e.getMessage());
        }
    }

    /** The witness whose key id (and name, if given) the signature carries: approved, else pending, else the newest. */
    private WitnessEntity witnessOf(Actor actor, Presented presented) {
        var matches = em
                .createQuery("select w from WitnessEntity w where w.keyId = :keyId", WitnessEntity.class)
                .setParameter("keyId", presented.keyId())
                .getResultList()
                .stream()
                .filter(w -> presented.name() == null || presented.name().equals(w.name()))
                // a key the caller may not see (another organisation's, not approved) is answered like none
                .filter(w -> mayKnow(actor, w))
                .sorted(Comparator.comparing(WitnessEntity::createdAt).reversed())
                .toList();
        return matches.stream()
                .filter(WitnessEntity::approved)
                .findFirst()
                .or(() -> matches.stream()
                        .filter(w -> w.status() == WitnessStatus.PENDING)
                        .findFirst())
                .or(() -> matches.stream().findFirst())
                .orElseThrow(() -> new InvalidInput(
                        "signature",
                        "names no registered witness key (key id "
                                + HexFormat.of().formatHex(presented.keyId())
                                + (presented.name() == null ? "" : ", name " + presented.name()) + ")"));
    }

    private String checkpointBody(long size) {
        try (var connection = dataSource.getConnection()) {
            return CosignedNotes.signedNote(connection, size)
                    .map(note -> SignedNote.parse(note).text())
                    .orElseThrow(() -> new InvalidInput("checkpointSize", "no checkpoint has the size " + size));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WitnessEntity> live() {
        return em.createQuery("select w from WitnessEntity w where w.status <> :rejected", WitnessEntity.class)
                .setParameter("rejected", WitnessStatus.REJECTED)
                .getResultList();
    }

    private Optional<WitnessEntity> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(WitnessEntity.class, id));
    }

    private WitnessEntity visible(Actor actor, String id) {
        return find(id).filter(w -> mayKnow(actor, w)).orElseThrow(() -> new NotFound("witness " + id));
    }

    /** Approved keys are public; a pending or rejected one only to its organisation and the operators. */
    private static boolean mayKnow(Actor actor, WitnessEntity witness) {
        return actor.has(Role.ADMIN)
                || witness.approved()
                || witness.organisationId().equals(actor.organisationId());
    }

    private Optional<CosignatureEntity> lastCosignature(WitnessEntity witness) {
        return em.createQuery(
                        "select c from CosignatureEntity c where c.witnessId = :witness order by c.treeSize desc",
                        CosignatureEntity.class)
                .setParameter("witness", witness.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private Witness toRecord(WitnessEntity witness) {
        var last = lastCosignature(witness);
        return witness.toRecord(
                last.map(CosignatureEntity::treeSize).orElse(null),
                last.map(c -> Instant.ofEpochSecond(c.signedAt())).orElse(null));
    }

    private static String resource(WitnessEntity witness) {
        return "witnesses/" + witness.id();
    }
}
