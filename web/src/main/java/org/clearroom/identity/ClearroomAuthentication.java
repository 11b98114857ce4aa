package org.clearroom.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.clearroom.identity.entity.Credential.Kind;
import org.clearroom.platform.Problems;
import org.clearroom.platform.RequestIds;

/**
 * Who is calling: a bearer token ({@code Authorization: Bearer …}) or a browser session cookie. A
 * session on an unsafe method also needs its CSRF token in {@code X-CSRF-Token}, or the request is
 * refused here with 403. Requests without credentials pass on unauthenticated: resources that need a
 * caller answer 401 themselves (see {@link Caller}).
 */
@ApplicationScoped
public class ClearroomAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "clearroom_session";

    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final String AUTHENTICATED = ClearroomAuthentication.class.getName() + ".authenticated";

    static final String REFUSED = ClearroomAuthentication.class.getName() + ".refused";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                request.setAttribute(REFUSED, "only Bearer tokens are accepted in the Authorization header");
                return context.doNothing();
            }
            return login(
                    request,
                    context,
                    new SecretCredential(authorization.substring(7).strip(), Kind.TOKEN),
                    "the bearer token is unknown, expired or revoked");
        }
        var session = sessionCookie(request);
        if (session != null && !isSignIn(request)) {
            var status = login(
                    request,
                    context,
                    new SecretCredential(session, Kind.SESSION),
                    "the session has ended; sign in again");
            var found = (ActorPrincipal) request.getAttribute(AUTHENTICATED);
            if (found != null
                    && !SAFE_METHODS.contains(request.getMethod())
                    && !found.authenticated().csrfMatches(request.getHeader(CSRF_HEADER))) {
                refuseCsrf(request, response);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return status;
        }
        return context.doNothing();
    }

    private AuthenticationStatus login(
            HttpServletRequest request, HttpMessageContext context, SecretCredential credential, String whyNot) {
        var result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof ActorPrincipal principal) {
            request.setAttribute(AUTHENTICATED, principal);
            return context.notifyContainerAboutLogin(result);
        }
        request.setAttribute(REFUSED, whyNot);
        return context.doNothing();
    }

    private static String sessionCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Signing in needs no CSRF token: there is no session yet, and SameSite=Strict keeps others out. */
    private static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getContextPath() + "/api/auth/session").equals(request.getRequestURI());
    }

    private static void refuseCsrf(HttpServletRequest request, HttpServletResponse response) {
        var problem = Problems.of(
                403,
                "csrf",
                "Missing or wrong CSRF token",
                "browser sessions must send the csrfToken from sign-in in the " + CSRF_HEADER + " header",
                RequestIds.of(request),
                List.of());
        try {
            Problems.write(response, problem);
        } catch (IOException e) {
            // the client went away; nothing else to tell it
        }
    }
}
