package dev.countersign.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/** Warns at start-up when configured users still have the demo password. */
public class DefaultPasswordWarning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DefaultPasswordWarning.class);

    private final ConfiguredUsers users;

    public DefaultPasswordWarning(ConfiguredUsers users) {
        this.users = users;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.names().isEmpty()) {
            log.warn("no users are configured under countersign.security.users; every API call will be refused");
        } else if (!users.usersWithDefaultPassword().isEmpty()) {
            log.warn(
                    "demo users use the default password '{}'; set COUNTERSIGN_DEMO_PASSWORD (users: {})",
                    ConfiguredUsers.DEFAULT_PASSWORD,
                    String.join(", ", users.usersWithDefaultPassword()));
        }
    }
}
