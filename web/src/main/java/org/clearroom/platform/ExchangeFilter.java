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

/** Names the exchange for the audit trail and the caller: request id and client address. */
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
        chain.doFilter(request, response);
    }
}
