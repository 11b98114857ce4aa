package org.clearroom.forums.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.clearroom.forums.Page;
import org.clearroom.platform.control.InvalidInput;

/**
 * An opaque paging cursor: the sort key of the last item of a page, tagged with the listing it belongs
 * to and a check digest, so a cursor handed to another listing, or altered, is refused instead of
 * answering nonsense. The digest is not a secret: a forged cursor can only start a page somewhere
 * else, and every page is still filtered by the caller's access.
 */
public record Cursor(String listing, String[] keys) {

    private static final String SEPARATOR = "|";

    public static String of(String listing, Object... keys) {
        var text = new StringBuilder(listing);
        for (var key : keys) {
            text.append(SEPARATOR).append(key);
        }
        var check = check(text.toString());
        text.append(SEPARATOR).append(check);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of {@code cursor}, null when there is none; InvalidInput when it is not one of ours. */
    public static String[] read(String listing, String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var parts = text.split("\\|", -1);
            var signed = text.substring(0, Math.max(0, text.lastIndexOf(SEPARATOR)));
            if (parts.length == keys + 2 && parts[0].equals(listing) && parts[keys + 1].equals(check(signed))) {
                var values = new String[keys];
                System.arraycopy(parts, 1, values, 0, keys);
                return values;
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below like any other foreign cursor
        }
        throw new InvalidInput(
                "cursor", "is not a cursor of this listing; pass back the next value of the previous page");
    }

    /**
     * The page of {@code rows}, which were fetched as {@code limit + 1} so that the extra row says
     * whether another page follows; its cursor holds the sort keys of the page's last row.
     */
    public static <T> Page<T> page(String listing, List<T> rows, int limit, Function<T, Object[]> keys) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, of(listing, keys.apply(items.get(limit - 1))));
    }

    /**
     * The JPQL that pages {@code alias} by {@code createdAt} then {@code id}: the condition after the
     * cursor (parameters {@code :at} and {@code :id}) and the order, in one place for every listing.
     */
    public static String keysetAfter(String alias, boolean newestFirst) {
        var beyond = newestFirst ? " < " : " > ";
        return " and (" + alias + ".createdAt" + beyond + ":at or (" + alias + ".createdAt = :at and " + alias + ".id"
                + beyond + ":id))";
    }

    public static String keysetOrder(String alias, boolean newestFirst) {
        var direction = newestFirst ? " desc" : "";
        return " order by " + alias + ".createdAt" + direction + ", " + alias + ".id" + direction;
    }

    private static String check(String text) {
        return org.clearroom.platform.control.Digests.sha256Hex(text).substring(0, 12);
    }

    public static Instant instant(String key) {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    "cursor", "is not a cursor of this listing; pass back the next value of the previous page");
        }
    }

    public static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidInput(
                    "cursor", "is not a cursor of this listing; pass back the next value of the previous page");
        }
    }
}
