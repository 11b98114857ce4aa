package org.clearroom.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of date-times in requests, bodies and query parameters alike: RFC 3339 section 5.6
 * ({@code 2027-01-31T12:00:00Z}, {@code 2027-01-31T13:00:00.5+01:00}) and nothing wider. ISO 8601's
 * extended years ({@code +10000-01-01T00:00:00Z}, {@code -999999999-…}) are not RFC 3339 and would not
 * fit PostgreSQL, so they are refused here, before any of them reaches a query.
 */
public final class DateTimes {

    /** What every refused date-time is told, naming the format. */
    public static final String FORMAT = "must be an RFC 3339 date-time such as 2027-01-31T12:00:00Z";

    private static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private DateTimes() {}

    /** The instant {@code text} names, or empty when it is not an RFC 3339 date-time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 40 || !RFC_3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // February 30th, hour 25, a leap second
        }
    }
}
