package org.clearroom.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clearroom.audit.Action;
import org.clearroom.audit.boundary.AuditTrail;
import org.clearroom.identity.NewAccount;
import org.clearroom.identity.TokenInfo;
import org.clearroom.identity.control.Directory;
import org.clearroom.identity.control.Passwords;
import org.clearroom.identity.entity.Credential;
import org.clearroom.platform.Blank;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Digests;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotAuthenticated;
import org.clearroom.platform.control.NotFound;
import org.clearroom.platform.control.TooManyAttempts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password sign-in into bearer tokens and browser sessions, resolution of presented secrets, and the
 * caller's own credential list. A failed or refused sign-in still commits its failure record and its
 * audit entry ({@code dontRollbackOn}), then answers 401 or 429.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {NotAuthenticated.class, TooManyAttempts.class})
public class Authentication {

    /** The grammar of usernames ({@link NewAccount#USERNAME}), compared in lower case. */
    private static final Pattern USERNAME = Pattern.compile(NewAccount.USERNAME);

    /** Failures for one username within {@link #FAILURE_WINDOW} that lock its sign-in. */
    public static final int FAILURES_TO_LOCK = 5;

    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private static final String WRONG = "the username or password is wrong";

    @PersistenceContext(unitName = "clearroom")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clearroom.token.lifetime", defaultValue = "P30D")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "clearroom.session.lifetime", defaultValue = "PT12H")
    Duration sessionLifetime;

    public SignedIn signIn(String username, String password, Credential.Kind kind, String label) {
        var name = username.strip().toLowerCase(Locale.ROOT);
        if (name.length() < 3 || name.length() > 64 || !USERNAME.matcher(name).matches()) {
            // no account can be named so: refused before anything is counted or recorded, so that no
            // caller's free text (a password typed into the wrong field, say) reaches the ledger
            throw new InvalidInput(
                    "username",
                    "is no username: 3-64 lower case letters, digits, dots, dashes and underscores, starting"
                            + " with a letter or digit");
        }
        var now = Instant.now(clock);
        // one sign-in per username at a time, so that parallel guesses cannot outrun the lock
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "sign-in:" + name)
                .getSingleResult();
        var failures = recentFailures(name, now);
        if (failures.size() >= FAILURES_TO_LOCK) {
            var unlock = failures.get(failures.size() - FAILURES_TO_LOCK).plus(FAILURE_WINDOW);
            audit.recordAnonymous(Action.SIGN_IN_LOCKED, "sign-in/" + name);
            throw new TooManyAttempts(Math.max(1, Duration.between(now, unlock).toSeconds() + 1));
        }
        var account = directory.accountNamed(name);
        boolean valid;
        if (account.isPresent()) {
            valid = passwords.matches(password, account.get().passwordHash())
                    && !account.get().disabled();
        } else {
            passwords.spendVerificationTime(password);
            valid = false;
        }
        if (!valid) {
            em.createNativeQuery("insert into login_failure (username, failed_at) values (?1, ?2)")
                    .setParameter(1, name)
                    .setParameter(2, Timestamp.from(now))
                    .executeUpdate();
            audit.recordAnonymous(Action.SIGN_IN_FAILED, "sign-in/" + name);
            if (failures.size() + 1 >= FAILURES_TO_LOCK) {
                audit.recordAnonymous(Action.SIGN_IN_LOCKED, "sign-in/" + name);
            }
            throw new NotAuthenticated(WRONG);
        }
        em.createNativeQuery("delete from login_failure where username = ?1")
                .setParameter(1, name)
                .executeUpdate();
        var secret = (kind == Credential.Kind.TOKEN ? "crt_" : "crs_") + Digests.secret(32);
        var csrf = kind == Credential.Kind.SESSION ? Digests.secret(32) : null;
        var credential = new Credential(
                account.get(),
                kind,
                Blank.blank(label) ? null : label.strip(),
                Digests.sha256Hex(secret),
                csrf == null ? null : Digests.sha256Hex(csrf),
                now,
                kind == Credential.Kind.TOKEN ? tokenLifetime : sessionLifetime);
        em.persist(credential);
        var actor = account.get().actor();
        audit.record(actor, Action.SIGN_IN, credentialResource(credential));
        return new SignedIn(
                credential.id(),
                secret,
                csrf,
                credential.label(),
                credential.expiresAt(),
                account.get().me());
    }

    @SuppressWarnings("unchecked")
    private List<Instant> recentFailures(String name, Instant now) {
        List<Object> rows = em.createNativeQuery(
                        "select failed_at from login_failure where username = ?1 and failed_at > ?2 order by failed_at")
                .setParameter(1, name)
                .setParameter(2, Timestamp.from(now.minus(FAILURE_WINDOW)))
                .getResultList();
        return rows.stream().map(Authentication::instant).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    /** The account behind a presented token or session secret, if it is valid now. */
    public Optional<Authenticated> authenticate(String secret, Credential.Kind kind) {
        if (secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        var now = Instant.now(clock);
        return em.createQuery("select c from Credential c where c.secretHash = :hash", Credential.class)
                .setParameter("hash", Digests.sha256Hex(secret))
                .getResultStream()
                .findFirst()
                .filter(credential -> credential.kind() == kind && credential.usableAt(now))
                .map(credential -> {
                    if (credential.usedAt(now)) {
                        // unversioned, and a no-op for whichever parallel request comes second
                        em.createNativeQuery("update credential set last_used_at = ?1 where id = ?2"
                                        + " and (last_used_at is null or last_used_at < ?1)")
                                .setParameter(1, Timestamp.from(credential.lastUsedAt()))
                                .setParameter(2, credential.id())
                                .executeUpdate();
                    }
                    return new Authenticated(credential.account().actor(), credential.id(), credential.csrfHash());
                });
    }

    /** Ends the credential the caller is using now (signing out of a session, or dropping a token). */
    public void signOut(Actor actor, String credentialId) {
        var credential = own(actor, credentialId);
        if (credential.revoke(Instant.now(clock))) {
            audit.record(actor, Action.SIGN_OUT, credentialResource(credential));
        }
    }

    public List<TokenInfo> credentials(Actor actor, String currentCredentialId) {
        var now = Instant.now(clock);
        return em
                .createQuery(
                        "select c from Credential c where c.account.id = :account and c.revokedAt is null"
                                + " and c.expiresAt > :now order by c.createdAt desc",
                        Credential.class)
                .setParameter("account", actor.accountId())
                .setParameter("now", now)
                .getResultList()
                .stream()
                .map(credential -> credential.toInfo(credential.id().equals(currentCredentialId)))
                .toList();
    }

    public void revoke(Actor actor, String credentialId) {
        var credential = own(actor, credentialId);
        if (credential.revoke(Instant.now(clock))) {
            audit.record(actor, Action.TOKEN_REVOKED, credentialResource(credential));
        }
    }

    private Credential own(Actor actor, String credentialId) {
        return Optional.ofNullable(credentialId)
                .map(id -> em.find(Credential.class, id))
                .filter(credential -> credential.account().id().equals(actor.accountId()))
                .orElseThrow(() -> new NotFound("token " + credentialId));
    }

    private static String credentialResource(Credential credential) {
        return (credential.kind() == Credential.Kind.TOKEN ? "tokens/" : "sessions/") + credential.id();
    }
}
