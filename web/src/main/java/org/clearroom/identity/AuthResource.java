package org.clearroom.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearroom.identity.boundary.Authentication;
import org.clearroom.identity.entity.Credential.Kind;
import org.clearroom.platform.Public;
import org.clearroom.platform.RecordReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @POST
    @Path("tokens")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Sign in for a bearer token",
            description =
                    "The token is shown once. After 5 failures for one username within 15 minutes, sign-in answers 429 with Retry-After.")
    @APIResponse(
            responseCode = "201",
            description = "the token",
            headers = @Header(name = "Location", description = "the token, to revoke it"),
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "401", description = "wrong username or password")
    @APIResponse(
            responseCode = "429",
            description = "too many failures; see Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds until sign-in is tried again"))
    public Response createToken(Credentials credentials) {
        RecordReader.require(credentials);
        var signedIn =
                authentication.signIn(credentials.username(), credentials.password(), Kind.TOKEN, credentials.label());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(signedIn.credentialId())
                        .build())
                .entity(new IssuedToken(
                        signedIn.credentialId(), signedIn.secret(), signedIn.label(), signedIn.expiresAt()))
                .build();
    }

    @GET
    @Path("tokens")
    @Operation(
            summary = "The caller's live tokens and sessions",
            description = "Secrets are never shown again; current marks the one in use.")
    public List<TokenInfo> tokens() {
        var authenticated = caller.authenticated();
        return authentication.credentials(authenticated.actor(), authenticated.credentialId());
    }

    @DELETE
    @Path("tokens/{id}")
    @Operation(summary = "Revoke one of the caller's tokens or sessions")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revoke(@PathParam("id") String id) {
        authentication.revoke(caller.actor(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("session")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Browser sign-in",
            description =
                    "Sets an HttpOnly, SameSite=Strict session cookie and answers the CSRF token to send as X-CSRF-Token on unsafe methods.")
    @APIResponse(
            responseCode = "201",
            description = "signed in",
            headers = @Header(name = "Set-Cookie", description = "the session cookie, HttpOnly and SameSite=Strict"),
            content = @Content(schema = @Schema(implementation = BrowserSession.class)))
    @APIResponse(responseCode = "401", description = "wrong username or password")
    @APIResponse(
            responseCode = "429",
            description = "too many failures; see Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds until sign-in is tried again"))
    public Response createSession(Credentials credentials) {
        RecordReader.require(credentials);
        var signedIn = authentication.signIn(credentials.username(), credentials.password(), Kind.SESSION, "browser");
        long maxAge = Math.max(
                0, Duration.between(Instant.now(), signedIn.expiresAt()).toSeconds());
        return Response.status(Response.Status.CREATED)
                .header("Set-Cookie", cookie(signedIn.secret(), maxAge))
                .entity(new BrowserSession(signedIn.csrfToken(), signedIn.expiresAt(), signedIn.me()))
                .build();
    }

    @DELETE
    @Path("session")
    @Operation(summary = "Browser sign-out", description = "Ends the session and clears its cookie.")
    @APIResponse(responseCode = "204", description = "signed out")
    public Response deleteSession() {
        var authenticated = caller.authenticated();
        authentication.signOut(authenticated.actor(), authenticated.credentialId());
        return Response.noContent().header("Set-Cookie", cookie("", 0)).build();
    }

    private String cookie(String value, long maxAge) {
        return ClearroomAuthentication.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
    }
}
