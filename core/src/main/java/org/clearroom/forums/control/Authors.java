package org.clearroom.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearroom.forums.AccountRef;
import org.clearroom.identity.boundary.People;

/** Who wrote or did something, looked up once per page for every id on it, from identity. */
@ApplicationScoped
public class Authors {

    @Inject
    People people;

    public Map<String, AccountRef> of(Collection<String> ids) {
        return people.byIds(ids).values().stream()
                .collect(Collectors.toMap(
                        People.Person::id,
                        p -> new AccountRef(p.id(), p.username(), p.displayName(), p.organisation())));
    }

    public AccountRef of(String id) {
        return id == null ? null : of(List.of(id)).get(id);
    }
}
