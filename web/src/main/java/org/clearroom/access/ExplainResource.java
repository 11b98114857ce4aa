package org.clearroom.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.clearroom.identity.Caller;
import org.clearroom.platform.FieldError;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class ExplainResource {

    @Inject
    Rooms rooms;

    @Inject
    Caller caller;

    @GET
    @Path("explain")
    @Operation(
            summary = "Why an account may or may not do something",
            description =
                    "Answers from the same code path that decides. ADMIN and COMPLIANCE may ask about anyone; others about themselves.")
    public Explanation explain(
            @QueryParam("account") String account,
            @QueryParam("permission") String permission,
            @QueryParam("resource") String resource) {
        var actor = caller.actor();
        var errors = new ArrayList<FieldError>();
        if (account == null || account.isBlank()) {
            errors.add(new FieldError("account", "is required"));
        }
        Permission parsed = null;
        if (permission == null || permission.isBlank()) {
            errors.add(new FieldError("permission", "is required"));
        } else {
            try {
                parsed = Permission.valueOf(permission);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "permission",
                        "must be one of "
                                + Arrays.stream(Permission.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
            }
        }
        if (resource == null || resource.isBlank()) {
            errors.add(new FieldError("resource", "is required, as rooms/{id}"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return rooms.explain(actor, account, parsed, resource);
    }
}
