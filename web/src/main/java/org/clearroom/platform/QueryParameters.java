package org.clearroom.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.clearroom.platform.control.InvalidInput;

/**
 * Reads query parameters the way {@link RecordReader} reads bodies: every problem is collected with
 * its parameter's name, and {@link #check()} reports them all at once.
 */
public final class QueryParameters {

    private final List<FieldError> errors = new ArrayList<>();

    /** The ids this server issues: UUIDs in lower case (RFC 9562 §4). */
    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** An id, or null when absent; anything that is no id this server could have issued is refused. */
    public String id(String name, String value, boolean required) {
        var text = text(name, value, 36, required);
        if (text != null && !ID.matcher(text).matches()) {
            errors.add(new FieldError(name, "must be an id (a UUID in lower case)"));
        }
        return text;
    }

    /**
     * A resource name {@code prefix}{@code {id}} ({@code rooms/…}), or null when absent; names of any other
     * shape are refused, so no caller's free text reaches the ledger as a resource.
     */
    public String resource(String name, String value, String prefix, boolean required) {
        var text = text(name, value, 200, required);
        if (text != null
                && !(text.startsWith(prefix)
                        && ID.matcher(text.substring(prefix.length())).matches())) {
            errors.add(new FieldError(name, "must be " + prefix + "{id}, the id a UUID in lower case"));
        }
        return text;
    }

    /** Text, or null when absent or blank. */
    public String text(String name, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
        }
        var problem = TextRules.problem(value);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
        }
        return value;
    }

    public <E extends Enum<E>> E choice(String name, String value, Class<E> type, boolean required) {
        var text = text(name, value, 64, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
            return null;
        }
    }

    public Instant time(String name, String value) {
        var text = text(name, value, 64, false);
        if (text == null) {
            return null;
        }
        var time = DateTimes.parse(text);
        if (time.isEmpty()) {
            errors.add(new FieldError(name, DateTimes.FORMAT));
        }
        return time.orElse(null);
    }

    public Long number(String name, String value, boolean required) {
        var text = text(name, value, 20, required);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    /** {@code order}: newest or oldest first; absent gives {@code newestByDefault}. */
    public boolean newestFirst(String value, boolean newestByDefault) {
        var text = text("order", value, 16, false);
        if (text == null) {
            return newestByDefault;
        }
        if (!text.equals("newest") && !text.equals("oldest")) {
            errors.add(new FieldError("order", "must be newest or oldest"));
        }
        return text.equals("newest");
    }

    /** {@code limit}: a page size from 1 to {@code max}, {@code byDefault} when absent. */
    public int limit(String value, int byDefault, int max) {
        var number = number("limit", value, false);
        if (number == null) {
            return byDefault;
        }
        if (number < 1 || number > max) {
            errors.add(new FieldError("limit", "must be between 1 and " + max));
            return byDefault;
        }
        return number.intValue();
    }

    public void add(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws the collected problems, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
