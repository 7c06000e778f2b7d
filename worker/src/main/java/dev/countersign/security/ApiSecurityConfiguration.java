package dev.countersign.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * One filter chain per area, each with its own {@code securityMatcher}, so a later chain (the
 * console's form login) slots in between {@link #ACTUATOR_ORDER} and {@link #FALLBACK_ORDER}
 * without touching these: the API uses stateless HTTP Basic without CSRF; the actuator leaves
 * health open and keeps everything else, Prometheus included, for operators; every other path
 * requires authentication until a chain claims it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(UserStoreConfiguration.class)
public class ApiSecurityConfiguration {

    public static final int API_ORDER = 10;
    public static final int ACTUATOR_ORDER = 20;
    public static final int FALLBACK_ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    public static final String REALM = "countersign";
    public static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\"";

    @Bean
    public ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ProblemAuthenticationEntryPoint(resolver);
    }

    @Bean
    public ProblemAccessDeniedHandler problemAccessDeniedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ProblemAccessDeniedHandler(resolver);
    }

    @Bean
    @Order(API_ORDER)
    public SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler denied)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable);
        return statelessBasic(http, entryPoint, denied).build();
    }

    @Bean
    @Order(ACTUATOR_ORDER)
    public SecurityFilterChain actuatorSecurityFilterChain(
            HttpSecurity http,
            CountersignSecurityProperties properties,
            ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler denied)
            throws Exception {
        String[] operators =
                properties.operatorGroups().stream().map(CurrentUser::authority).toArray(String[]::new);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(operators));
        return statelessBasic(http, entryPoint, denied).build();
    }

    @Bean
    @Order(FALLBACK_ORDER)
    public SecurityFilterChain fallbackSecurityFilterChain(
            HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler denied)
            throws Exception {
        http.authorizeHttpRequests(requests ->
                requests.requestMatchers("/error").permitAll().anyRequest().authenticated());
        return statelessBasic(http, entryPoint, denied).build();
    }

    private static HttpSecurity statelessBasic(
            HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler denied)
            throws Exception {
        return http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
