package org.clearroom.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.clearroom.identity.boundary.Authentication;

/** Validates presented tokens and session secrets against their stored hashes. Roles become groups. */
@ApplicationScoped
public class ClearroomIdentityStore implements IdentityStore {

    @Inject
    Authentication authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SecretCredential presented)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authentication
                .authenticate(presented.secret(), presented.kind())
                .map(found -> new CredentialValidationResult(
                        new ActorPrincipal(found),
                        found.actor().roles().stream().map(Enum::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
