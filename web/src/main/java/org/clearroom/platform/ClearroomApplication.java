package org.clearroom.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API under {@code /api}. (The data source is declared in {@code web.xml}.)
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Clearroom",
                        version = "1",
                        description =
                                "Collaboration for security transparency: organisations, rooms, access rules and a"
                                        + " verifiable audit trail. Errors are application/problem+json (RFC 9457)."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "bearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "A token from POST /api/auth/tokens"),
    @SecurityScheme(
            securitySchemeName = "session",
            type = SecuritySchemeType.APIKEY,
            in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE,
            apiKeyName = "clearroom_session",
            description = "Browser session from POST /api/auth/session; unsafe methods also need X-CSRF-Token")
})
public class ClearroomApplication extends Application {

    /** No WADL at {@code application.wadl} or on OPTIONS: the OpenAPI document is the one description. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
