package org.clearroom.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of an HTTP exchange: the caller's {@code X-Request-Id} when it is a sane token,
 * otherwise a new UUID. Kept as a request attribute so the authentication mechanism, the filter and
 * the error answers all name the same id.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {}

    public static String of(HttpServletRequest request) {
        var id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            var offered = request.getHeader(HEADER);
            id = offered != null && SANE.matcher(offered).matches()
                    ? offered
                    : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        return id;
    }
}
