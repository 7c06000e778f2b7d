package dev.countersign.service.security;

import dev.countersign.service.security.CountersignSecurityProperties.UserEntry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of {@code countersign.security.users}, with plain passwords encoded once at start-up.
 * Unlike {@code InMemoryUserDetailsManager} it never re-encodes a password after a login, so a
 * {@code {noop}} password stays cheap to check on every stateless request.
 */
public class ConfiguredUsers implements UserDetailsService {

    /** The demo users' password when COUNTERSIGN_DEMO_PASSWORD is not set. */
    public static final String DEFAULT_PASSWORD = "demo";

    private static final Pattern ENCODING_ID = Pattern.compile("^\\{[^{}]*}.*", Pattern.DOTALL);

    private final Map<String, UserDetails> users;
    private final Set<String> usersWithDefaultPassword;

    public ConfiguredUsers(Map<String, UserEntry> entries, PasswordEncoder encoder) {
        this.usersWithDefaultPassword = entries.entrySet().stream()
                .filter(entry ->
                        isDefaultPassword(entry.getKey(), entry.getValue().password(), encoder))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        this.users = entries.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, entry -> user(entry.getKey(), entry.getValue(), encoder)));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        // A copy: a successful authentication erases the credentials of the object it returns.
        return User.withUserDetails(user).build();
    }

    public Set<String> names() {
        return new TreeSet<>(users.keySet());
    }

    /** Users whose password is {@value #DEFAULT_PASSWORD}, sorted by name. */
    public Set<String> usersWithDefaultPassword() {
        return usersWithDefaultPassword;
    }

    private static boolean isDefaultPassword(String name, String password, PasswordEncoder encoder) {
        if (!ENCODING_ID.matcher(password).matches()) {
            return DEFAULT_PASSWORD.equals(password);
        }
        try {
            return encoder.matches(DEFAULT_PASSWORD, password);
        } catch (IllegalArgumentException unknownEncoding) {
            // Its message names the unknown id; this one adds the property, which is what the reader needs.
            throw new IllegalStateException(
                    "countersign.security.users." + name + ".password: " + unknownEncoding.getMessage()
                            + "; use {bcrypt}, {noop} or another id Spring Security knows, or a plain value");
        }
    }

    private static UserDetails user(String name, UserEntry entry, PasswordEncoder encoder) {
        String password = entry.password();
        return User.withUsername(name)
                .password(ENCODING_ID.matcher(password).matches() ? password : encoder.encode(password))
                .authorities(CurrentUser.authorities(entry.groups()))
                .build();
    }
}
