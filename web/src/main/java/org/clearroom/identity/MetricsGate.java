package org.clearroom.identity;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.clearroom.platform.Problems;
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.NotAuthenticated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payara's MicroProfile Metrics ({@code /metrics}) describe the runtime (JVM, pools, request counts):
 * they are for operators. An ADMIN's bearer token or session passes, and so does the scrape token of
 * {@code clearroom.metrics.token} for a Prometheus-style collector (sent as {@code Authorization: Bearer
 * …}); everyone else is refused with a problem answer. Payara registers its metrics servlet inside this
 * WAR, so this filter stands in front of it.
 */
@WebFilter(urlPatterns = "/metrics/*", asyncSupported = true)
public class MetricsGate extends HttpFilter {

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "clearroom.metrics.token")
    Optional<String> scrapeToken;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isScraper(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!caller.actor().has(Role.ADMIN)) {
                Problems.write(
                        request, response, new Forbidden("metrics are for operators (ADMIN) and the scrape token"));
                return;
            }
        } catch (NotAuthenticated e) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"clearroom\"");
            Problems.write(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isScraper(String authorization) {
        var expected = scrapeToken.filter(token -> !token.isBlank());
        if (expected.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
