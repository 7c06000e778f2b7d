package dev.countersign.service.console;

import org.springframework.context.annotation.Bean;

/** Adds the in-memory {@link TestApiTokens} to the console's web slice; not scanned by the application. */
public class TestTokenStore {

    @Bean
    TestApiTokens apiTokens() {
        return new TestApiTokens();
    }
}
