package org.clearroom.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.clearroom.platform.control.Exchange;

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
        if (request.getQueryString() != null && !wellEncoded(request.getQueryString())) {
            Problems.write(
                    request,
                    response,
                    400,
                    "the query is not valid percent-encoding",
                    new FieldError("query", "has a % not followed by two hexadecimal digits"));
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
