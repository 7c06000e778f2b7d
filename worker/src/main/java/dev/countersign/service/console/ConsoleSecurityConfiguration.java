package dev.countersign.service.console;

import dev.countersign.service.security.ApiSecurityConfiguration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The console's filter chain: the console's pages and assets ({@link #PATHS}), with form login on
 * the console's own page, CSRF protection (session-stored token; forms carry it as a hidden field,
 * htmx requests as a header), a new session id at login, logout by POST, and a strict
 * Content-Security-Policy (the console runs no inline script or style). Users come from the same
 * {@code UserDetailsService} as the API. The session, and with it the sign-in and the CSRF token, is
 * kept by Spring Session in the service's database (application.yml), so every replica honours it.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    /** After the API and actuator chains, before the fallback. */
    public static final int CONSOLE_ORDER = ApiSecurityConfiguration.ACTUATOR_ORDER + 10;

    /** The console's pages and assets; the fallback chain keeps every other path. */
    static final String[] PATHS = {
        "/",
        "/login",
        "/logout",
        "/error",
        "/favicon.ico",
        "/inbox/**",
        "/approvals/**",
        "/tasks/**",
        "/tokens/**",
        "/reviews/**",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/images/**"
    };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    static final String HTMX_REQUEST = "HX-Request";
    static final String HTMX_REDIRECT = "HX-Redirect";

    @Bean
    public ConsoleAccessDeniedHandler consoleAccessDeniedHandler() {
        return new ConsoleAccessDeniedHandler();
    }

    @Bean
    @Order(CONSOLE_ORDER)
    public SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleAccessDeniedHandler denied)
            throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**")
                                .permitAll()
                                .requestMatchers("/favicon.ico")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/inbox")
                        .failureHandler(new ConsoleLoginFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID")
                        .permitAll())
                .csrf(Customizer.withDefaults())
                // A new session on sign-in, the old one invalidated; not changeSessionId: a request the
                // browser sent before signing in (its favicon) that ends after the sign-in saves its copy
                // of the session, and Spring Session's JDBC store would write the old id back over the
                // new one, signing the reviewer out again.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
                .exceptionHandling(
                        handling -> handling.accessDeniedHandler(denied).authenticationEntryPoint(signIn()))
                .headers(headers -> ApiSecurityConfiguration.standardHeaders()
                        .customize(
                                headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /**
     * Sends a signed-out browser to the login page; but a background htmx request (the inbox poll)
     * whose session expired gets 401 with {@code HX-Redirect}, so htmx opens the login page instead
     * of swapping it into the inbox.
     */
    static AuthenticationEntryPoint signIn() {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, failure) -> {
            if ("true".equals(request.getHeader(HTMX_REQUEST))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader(HTMX_REDIRECT, request.getContextPath() + "/login");
            } else {
                loginPage.commence(request, response, failure);
            }
        };
    }
}
