package dev.countersign.service.security.throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user names and passwords (HTTP Basic and the console's form login, which both reach Spring
 * Security's global authentication manager) through the {@link LoginThrottle}: a throttled attempt
 * is refused with {@link LoginThrottled} before the password encoder runs, so an attacker pays no
 * bcrypt of ours; a wrong password counts as a failure, a right one clears the user's count. The
 * client address is the request's remote address, which honours forwarded headers only when {@code
 * server.forward-headers-strategy} says to trust them.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String user = attempt.getName();
        String address = address(attempt);
        Optional<Instant> refused = throttle.refusedUntil(user, address);
        if (refused.isPresent()) {
            throw new LoginThrottled(refused.get(), clock.instant());
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(user, address);
            throw wrong;
        }
        if (authenticated != null) {
            throttle.succeeded(user, address);
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
