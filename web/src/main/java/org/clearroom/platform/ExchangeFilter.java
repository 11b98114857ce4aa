package org.clearroom.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.clearroom.platform.control.ClearroomException;
import org.clearroom.platform.control.Exchange;
import org.clearroom.platform.control.UnsupportedMediaType;

/**
 * Every request to the WAR passes here first, Payara's own endpoints ({@code /health}, {@code /metrics},
 * {@code /openapi}) included: names the exchange for the audit trail and the caller (request id and
 * client address), sets the headers every answer carries, and refuses what no endpoint should see
 * (malformed percent-encoding, WADL descriptions) as problem+json.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ExchangeFilter extends HttpFilter {

    @Inject
    Exchange exchange;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var requestId = RequestIds.of(request);
        exchange.begin(requestId, request.getRemoteAddr());
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        } else {
            // the browser client loads only its own files and talks only to this server
            response.setHeader(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!wellEncoded(request.getRequestURI())) {
            Problems.write(
                    request,
                    response,
                    400,
                    "the path is not valid percent-encoding",
                    new FieldError("path", "has a % not followed by two hexadecimal digits"));
            return;
        }
        var query = request.getQueryString();
        if (query != null && !wellEncoded(query)) {
            Problems.write(
                    request,
                    response,
                    400,
                    "the query is not valid percent-encoding",
                    new FieldError("query", "has a % not followed by two hexadecimal digits"));
            return;
        }
        if (query != null && !decodesToUtf8(query)) {
            Problems.write(
                    request,
                    response,
                    400,
                    "the query is not UTF-8",
                    new FieldError("query", "has percent-escapes that decode to no UTF-8 character (RFC 3986 §2.5)"));
            return;
        }
        var repeated = query == null ? null : repeatedParameter(query);
        if (repeated != null) {
            // frameworks disagree on which of two values wins, so neither is guessed at
            Problems.write(
                    request,
                    response,
                    400,
                    "a query parameter is given more than once",
                    new FieldError(TextRules.shown(repeated), "is given more than once"));
            return;
        }
        var twice = repeatedHeader(request);
        if (twice != null) {
            // two credentials (or CSRF tokens, or body types) in one request: which one counts is a guess
            Problems.write(
                    request,
                    response,
                    400,
                    "a header is given more than once",
                    new FieldError(twice, "is given more than once"));
            return;
        }
        var refusal = bodyRefusal(request);
        if (refusal != null) {
            Problems.write(request, response, refusal);
            return;
        }
        if (path.endsWith(".wadl")) {
            // Jersey describes itself in WADL unless told not to; the OpenAPI document is the contract
            Problems.write(request, response, 404, "no resource at this path");
            return;
        }
        if ("OPTIONS".equals(request.getMethod()) && !path.startsWith("/api/")) {
            // Payara's own endpoints would answer OPTIONS with a WADL description of themselves
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Why the body this request announces is refused before a byte of it is read, or null: a
     * {@code Content-Type} that is no media type (RFC 9110 §8.3), which JAX-RS would otherwise answer
     * with a bare 400 while matching the operation.
     */
    static ClearroomException bodyRefusal(HttpServletRequest request) {
        var declared = request.getContentType();
        if (declared != null) {
            try {
                var type = MediaType.valueOf(declared);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    // a body is of one type; */* would be taken for JSON without saying so
                    return new UnsupportedMediaType("names no one media type; send application/json");
                }
            } catch (IllegalArgumentException malformed) {
                return new UnsupportedMediaType("is not a media type (RFC 9110 §8.3); send application/json");
            }
        }
        return null;
    }

    /** Headers a request may carry once only: each says who the caller is or what the body is. */
    static final List<String> SINGLE_HEADERS = List.of("Authorization", "X-CSRF-Token", "Content-Type", "X-Request-Id");

    /** The first of {@link #SINGLE_HEADERS} the request carries more than once, or null. */
    static String repeatedHeader(HttpServletRequest request) {
        for (var name : SINGLE_HEADERS) {
            var values = request.getHeaders(name);
            if (values != null && values.hasMoreElements()) {
                values.nextElement();
                if (values.hasMoreElements()) {
                    return name;
                }
            }
        }
        return null;
    }

    /**
     * Whether the percent-escapes of a raw URI part decode to UTF-8 (RFC 3986 §2.5), so that no
     * parameter reaches an endpoint with U+FFFD where the sender wrote some other byte.
     */
    static boolean decodesToUtf8(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    /** The first query parameter named twice in a raw, well-encoded query, decoded, or null. */
    static String repeatedParameter(String raw) {
        var seen = new HashSet<String>();
        for (var pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!seen.add(name)) {
                return name;
            }
        }
        return null;
    }

    /** Whether every {@code %} in a raw URI part starts an escape of two hexadecimal digits. */
    static boolean wellEncoded(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
