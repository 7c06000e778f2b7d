package dev.countersign.service.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service and what each group may do: the configured users with their passwords and
 * groups, the groups that may start tasks, act as operators and administer tokens, whether HTTP Basic
 * is accepted, the OIDC issuer whose JWTs are accepted, and which tasks a user may read ({@link
 * ReadScope}). A password is either {@code {id}}-prefixed ({@code {bcrypt}...}, {@code {noop}...}) or
 * plain; plain values are encoded with bcrypt at start-up.
 */
@ConfigurationProperties("countersign.security")
public record CountersignSecurityProperties(
        Map<String, UserEntry> users,
        @DefaultValue({"support-agents", "operators"}) List<String> requesterGroups,
        @DefaultValue("operators") List<String> operatorGroups,
        @DefaultValue("admins") List<String> adminGroups,
        @DefaultValue Basic basic,
        @DefaultValue Oidc oidc,
        @DefaultValue("involved") ReadScope readScope) {

    private static final String PREFIX = "countersign.security.";

    public CountersignSecurityProperties {
        users = users == null ? Map.of() : users;
        users.forEach(CountersignSecurityProperties::validate);
        users = Map.copyOf(users);
        requesterGroups = requireGroups("requester-groups", requesterGroups);
        operatorGroups = requireGroups("operator-groups", operatorGroups);
        adminGroups = requireGroups("admin-groups", adminGroups);
        basic = basic == null ? new Basic(true) : basic;
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
        // An empty environment variable binds as null: the safer scope, not every task.
        readScope = readScope == null ? ReadScope.INVOLVED : readScope;
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

    /** Whether the API accepts HTTP Basic with the configured users; turn it off when OIDC is the only way in. */
    public record Basic(@DefaultValue("true") boolean enabled) {}

    /**
     * The OIDC provider whose JWTs the API accepts as bearer tokens: off unless {@code issuer-uri} or
     * {@code jwk-set-uri} is set. The user name comes from {@code username-claim} (else {@code sub}),
     * the groups from {@code groups-claim}, which may be a dotted path such as {@code realm_access.roles}.
     */
    public record Oidc(
            URI issuerUri,
            URI jwkSetUri,
            @DefaultValue("groups") String groupsClaim,
            @DefaultValue("preferred_username") String usernameClaim) {

        public Oidc {
            // An unset environment variable binds as an empty URI.
            issuerUri = issuerUri == null || issuerUri.toString().isBlank() ? null : issuerUri;
            jwkSetUri = jwkSetUri == null || jwkSetUri.toString().isBlank() ? null : jwkSetUri;
            requireHttp("oidc.issuer-uri", issuerUri);
            requireHttp("oidc.jwk-set-uri", jwkSetUri);
            groupsClaim = claim("oidc.groups-claim", groupsClaim, "groups");
            usernameClaim = claim("oidc.username-claim", usernameClaim, "preferred_username");
        }

        public boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }

        private static void requireHttp(String property, URI uri) {
            if (uri == null) {
                return;
            }
            String scheme = uri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException(PREFIX + property
                        + " must be an http(s) URL such as https://login.example.com/realms/x, was '" + uri + "'");
            }
        }

        private static String claim(String property, String claim, String fallback) {
            if (claim == null) {
                return fallback;
            }
            if (claim.isBlank()) {
                throw new IllegalArgumentException(PREFIX + property + " must not be blank");
            }
            return claim.strip();
        }
    }
}
