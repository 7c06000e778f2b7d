package dev.countersign.service.console;

import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;

/**
 * The signed-in person as the console's pages need them: name, groups, and whether they may start
 * tasks (requester), act on any task (operator) and manage everyone's API tokens (admin). Read from
 * authentication only.
 */
public record ConsoleUser(String name, Set<String> groups, boolean requester, boolean operator, boolean admin) {

    public ConsoleUser {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static ConsoleUser of(Authentication authentication, CountersignSecurityProperties security) {
        Reviewer reviewer = CurrentUser.of(authentication);
        return new ConsoleUser(
                reviewer.name(),
                reviewer.groups(),
                reviewer.inAnyOf(security.requesterGroups()),
                reviewer.inAnyOf(security.operatorGroups()),
                reviewer.inAnyOf(security.adminGroups()));
    }

    public Reviewer reviewer() {
        return new Reviewer(name, groups);
    }

    /** The groups in alphabetical order, for display. */
    public List<String> sortedGroups() {
        return List.copyOf(new TreeSet<>(groups));
    }
}
