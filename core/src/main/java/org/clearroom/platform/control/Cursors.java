package org.clearroom.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.clearroom.platform.Page;

/**
 * Opaque paging cursors: the sort keys of the last item of a page, tagged with the listing (and its
 * order) they belong to, sealed with AES-256-GCM under a key derived from the installation's cursor
 * secret ({@link ServerSecrets}): a reader learns nothing from a cursor (not even the ids of the row it
 * stands after), and a cursor of another listing, an altered one or one built by hand is refused with 400
 * on {@code cursor}; so is a key out of range, which only the server's own bug could seal.
 *
 * <p>Form: {@code base64url(nonce (12 random bytes) || AES-GCM(listing LF key LF key …) || tag (16 bytes))}
 * (NIST SP 800-38D). Random nonces keep a key safe for 2^32 cursors; rotate the secret long before.
 */
@ApplicationScoped
public class Cursors {

    /** Longest cursor read: longer ones are refused without decoding. */
    public static final int MAX_LENGTH = 1_024;

    private static final String NOT_OURS =
            "is not a cursor of this listing; pass back the next value of the previous page";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerSecrets secrets;

    private final Supplier<byte[]> key;

    /** For CDI: the key is the installation's, read on first use. */
    public Cursors() {
        this.key = () -> secrets.get("cursors");
    }

    /** For tests: a fixed key. */
    public Cursors(byte[] key) {
        var copy = key.clone();
        this.key = () -> copy;
    }

    /** A cursor for {@code listing} that starts after the item with these sort keys. */
    public String of(String listing, Object... keys) {
        var text = new StringBuilder(listing);
        for (var value : keys) {
            var rendered = String.valueOf(value);
            if (rendered.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a sort key of " + listing + " holds a line feed");
            }
            text.append('\n').append(rendered);
        }
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            var sealed = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(payload.length));
            sealed.put(nonce).put(cipher.doFinal(payload));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES/GCM/NoPadding", e);
        }
    }

    /** The position {@code cursor} names in {@code listing}, empty for none (the first page). */
    public Optional<Position> read(String listing, String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        if (cursor.length() > MAX_LENGTH) {
            throw refused();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(cursor);
            // one spelling per cursor: base64's unused low bits may not vary either
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8
                    || !cursor.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(sealed))) {
                throw refused();
            }
            byte[] payload;
            try {
                payload = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES))
                        .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            } catch (AEADBadTagException forgedOrAltered) {
                throw refused();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has AES/GCM/NoPadding", e);
            }
            var parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != keys + 1 || !parts[0].equals(listing)) {
                throw refused();
            }
            return Optional.of(new Position(List.of(Arrays.copyOfRange(parts, 1, parts.length))));
        } catch (IllegalArgumentException notBase64) {
            throw refused();
        }
    }

    /**
     * The page of {@code rows}, fetched as {@code limit + 1} so that the extra row tells whether another
     * page follows; its cursor holds the sort keys of the page's last row.
     */
    public <T> Page<T> page(String listing, List<T> rows, int limit, Function<T, Object[]> keys) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        var items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, of(listing, keys.apply(items.get(limit - 1))));
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(sealingKey(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** The AES-256 key: HMAC-SHA-256 of a fixed label under the installation's cursor secret. */
    private byte[] sealingKey() throws GeneralSecurityException {
        var hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
        return hmac.doFinal("clearroom cursors: AES-256-GCM key".getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInput refused() {
        return new InvalidInput("cursor", NOT_OURS);
    }

    /** The sort keys a cursor carries, each read with the range its column allows. */
    public record Position(List<String> keys) {

        /** A time within PostgreSQL's and RFC 3339's common range: years 1 to 9999. */
        public Instant instant(int index) {
            try {
                var instant = Instant.parse(keys.get(index));
                int year = instant.atOffset(ZoneOffset.UTC).getYear();
                if (year < 1 || year > 9999) {
                    throw refused();
                }
                return instant;
            } catch (DateTimeException e) {
                throw refused();
            }
        }

        /** A count or offset: zero or more. */
        public long number(int index) {
            try {
                long value = Long.parseLong(keys.get(index));
                if (value < 0) {
                    throw refused();
                }
                return value;
            } catch (NumberFormatException e) {
                throw refused();
            }
        }

        /** A finite single-precision number (a search rank). */
        public float real(int index) {
            try {
                float value = Float.parseFloat(keys.get(index));
                if (!Float.isFinite(value)) {
                    throw refused();
                }
                return value;
            } catch (NumberFormatException e) {
                throw refused();
            }
        }

        public boolean flag(int index) {
            return switch (keys.get(index)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw refused();
            };
        }

        /** An id or other short text: at most 64 characters, no control characters. */
        public String text(int index) {
            var value = keys.get(index);
            if (value.length() > 64 || value.chars().anyMatch(Character::isISOControl)) {
                throw refused();
            }
            return value;
        }
    }
}
