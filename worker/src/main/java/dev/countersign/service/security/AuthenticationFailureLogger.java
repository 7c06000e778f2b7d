package dev.countersign.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

/** Logs each failed login with the user name it claimed and why it failed; never the password. */
public class AuthenticationFailureLogger {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFailureLogger.class);

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        log.warn(
                "authentication failed for user '{}': {}",
                LogSafe.text(event.getAuthentication().getName()),
                event.getException().getMessage());
    }
}
