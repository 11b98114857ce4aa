package org.clearroom.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clearroom.platform.Page;

/**
 * Opaque paging cursors: the sort keys of the last item of a page, tagged with the listing (and its
 * order) they belong to, and authenticated with HMAC-SHA-256 under the installation's cursor key
 * ({@link ServerSecrets}). A cursor of another listing, an altered one or one built by hand is refused
 * with 400 on {@code cursor}; so is a key out of range, which only the server's own bug could sign.
 *
 * <p>Form: {@code base64url(listing LF key LF key …) "." base64url(first 16 bytes of the HMAC)}.
 */
@ApplicationScoped
public class Cursors {

    /** Longest cursor read: longer ones are refused without decoding. */
    public static final int MAX_LENGTH = 1_024;

    private static final String NOT_OURS =
            "is not a cursor of this listing; pass back the next value of the previous page";

    private static final int MAC_BYTES = 16;

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
        var encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(payload) + "." + encoder.encodeToString(mac(payload));
    }

    /** The position {@code cursor} names in {@code listing}, empty for none (the first page). */
    public Optional<Position> read(String listing, String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        if (cursor.length() > MAX_LENGTH) {
            throw refused();
        }
        int dot = cursor.indexOf('.');
        try {
            if (dot < 0) {
                throw refused();
            }
            var decoder = Base64.getUrlDecoder();
            byte[] payload = decoder.decode(cursor.substring(0, dot));
            byte[] mac = decoder.decode(cursor.substring(dot + 1));
            // one spelling per cursor: base64's unused low bits may not vary either
            var encoder = Base64.getUrlEncoder().withoutPadding();
            if (!MessageDigest.isEqual(mac, mac(payload))
                    || !cursor.equals(encoder.encodeToString(payload) + "." + encoder.encodeToString(mac))) {
                throw refused();
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

    private byte[] mac(byte[] payload) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
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
