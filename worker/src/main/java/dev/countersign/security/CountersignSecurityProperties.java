package dev.countersign.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users who may call the API, with their passwords and groups, and which groups may start tasks
 * and act as operators. A password is either {@code {id}}-prefixed ({@code {bcrypt}...},
 * {@code {noop}...}) or plain; plain values are encoded with bcrypt at start-up.
 */
@ConfigurationProperties("countersign.security")
public record CountersignSecurityProperties(
        Map<String, UserEntry> users,
        @DefaultValue({"support-agents", "operators"}) List<String> requesterGroups,
        @DefaultValue("operators") List<String> operatorGroups) {

    private static final String PREFIX = "countersign.security.";

    public CountersignSecurityProperties {
        users = users == null ? Map.of() : users;
        users.forEach(CountersignSecurityProperties::validate);
        users = Map.copyOf(users);
        requesterGroups = requireGroups("requester-groups", requesterGroups);
        operatorGroups = requireGroups("operator-groups", operatorGroups);
    }

    private static void validate(String name, UserEntry user) {
        if (name.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "users has a user with a blank name");
        }
        if (user == null || user.password() == null || user.password().isBlank()) {
            throw new IllegalArgumentException(PREFIX + "users." + name + ".password must be set");
        }
        if (user.groups().isEmpty() || user.groups().stream().anyMatch(g -> g == null || g.isBlank())) {
            throw new IllegalArgumentException(
                    PREFIX + "users." + name + ".groups must name at least one group, and no blank one");
        }
    }

    private static List<String> requireGroups(String property, List<String> groups) {
        if (groups == null || groups.isEmpty() || groups.stream().anyMatch(g -> g == null || g.isBlank())) {
            throw new IllegalArgumentException(PREFIX + property + " must name at least one group, and no blank one");
        }
        return List.copyOf(groups);
    }

    /** One configured user: a password (prefixed with its encoding id, or plain) and its groups. */
    public record UserEntry(String password, List<String> groups) {

        public UserEntry {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        @Override
        public String toString() {
            return "UserEntry[password=<hidden>, groups=" + groups + "]";
        }
    }
}
