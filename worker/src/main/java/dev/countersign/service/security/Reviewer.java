package dev.countersign.service.security;

import java.util.Collection;
import java.util.Set;

/** The authenticated caller: a user name and the groups it belongs to. */
public record Reviewer(String name, Set<String> groups) {

    public Reviewer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs a name");
        }
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public boolean inAnyOf(Collection<String> wanted) {
        return wanted.stream().anyMatch(groups::contains);
    }
}
