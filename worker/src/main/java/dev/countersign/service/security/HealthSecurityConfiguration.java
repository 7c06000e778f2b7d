package dev.countersign.service.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Health and its probes answer anyone, whatever credentials come: a load balancer or orchestrator
 * probing with a stale password or an expired token gets the same UP or DOWN as one that sends none,
 * instead of a 401 that would take a healthy instance out of service. Valid credentials still count:
 * an operator who signs in correctly sees the details. A wrong credential gets the anonymous answer,
 * never more, and is logged as any failed login is.
 */
@Configuration(proxyBeanMethods = false)
public class HealthSecurityConfiguration {

    /** Before the actuator's chain, which would refuse wrong credentials with 401. */
    public static final int HEALTH_ORDER = ApiSecurityConfiguration.ACTUATOR_ORDER - 5;

    @Bean
    @Order(HEALTH_ORDER)
    public SecurityFilterChain healthSecurityFilterChain(
            HttpSecurity http,
            CountersignSecurityProperties properties,
            BearerAuthentication bearer,
            AuthenticationConfiguration authentication)
            throws Exception {
        OptionalCredentials credentials = new OptionalCredentials(
                properties.basic().enabled() ? authentication.getAuthenticationManager() : null, bearer);
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(credentials, AnonymousAuthenticationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(ApiSecurityConfiguration.standardHeaders())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
