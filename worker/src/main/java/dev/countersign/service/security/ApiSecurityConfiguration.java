package dev.countersign.service.security;

import dev.countersign.service.security.CountersignSecurityProperties.Oidc;
import dev.countersign.service.security.oidc.JwtGroupsConverter;
import dev.countersign.service.security.oidc.OidcJwtDecoders;
import dev.countersign.service.security.token.ApiTokenAuthenticator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * One filter chain per area, each with its own {@code securityMatcher}, so a later chain (the
 * console's form login) slots in between {@link #ACTUATOR_ORDER} and {@link #FALLBACK_ORDER}
 * without touching these. The API and the actuator are stateless (the API without CSRF: no cookie
 * ever authenticates it), and take HTTP Basic with the configured users (unless
 * {@code countersign.security.basic.enabled} is false) and bearer tokens: Countersign API tokens,
 * and JWTs of the OIDC provider when {@code countersign.security.oidc} names one. Changes to the
 * policy (anything but GET under {@code /api/policy/}) are for admins. Health is open;
 * the rest of the actuator, Prometheus included, is for operators; every other path requires
 * authentication until a chain claims it.
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
    public static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    static final String POLICY_PATHS = "/api/policy/**";
    /** For JSON answers: nothing in them may load, run or be framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    public ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            CountersignSecurityProperties properties) {
        return new ProblemAuthenticationEntryPoint(resolver, properties.basic().enabled());
    }

    @Bean
    public ProblemAccessDeniedHandler problemAccessDeniedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ProblemAccessDeniedHandler(resolver);
    }

    /**
     * Bearer tokens: API tokens when the token store exists, JWTs when {@code countersign.security.oidc}
     * is set (or, failing that, when the context has a {@link JwtDecoder} bean).
     */
    @Bean
    public BearerAuthentication bearerAuthentication(
            CountersignSecurityProperties properties,
            ObjectProvider<ApiTokenAuthenticator> apiTokens,
            ObjectProvider<JwtDecoder> decoders) {
        Oidc oidc = properties.oidc();
        JwtDecoder decoder = oidc.enabled() ? OidcJwtDecoders.decoder(oidc) : decoders.getIfAvailable();
        JwtAuthenticationProvider jwt = null;
        if (decoder != null) {
            jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(new JwtGroupsConverter(oidc.groupsClaim(), oidc.usernameClaim()));
        }
        BearerAuthentication bearer = new BearerAuthentication(apiTokens.getIfAvailable(), jwt);
        if (!properties.basic().enabled() && !bearer.acceptsAny()) {
            throw new IllegalStateException("countersign.security.basic.enabled is false and no bearer token is"
                    + " accepted either: set countersign.security.oidc.issuer-uri or jwk-set-uri");
        }
        return bearer;
    }

    /** Basic, bearer tokens, no session and problem+json failures, for the stateless chains. */
    @Bean
    public StatelessAuthentication statelessAuthentication(
            CountersignSecurityProperties properties,
            BearerAuthentication bearer,
            ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler denied) {
        return new StatelessAuthentication(properties.basic().enabled(), bearer, entryPoint, denied);
    }

    @Bean
    @Order(API_ORDER)
    public SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, CountersignSecurityProperties properties, StatelessAuthentication authentication)
            throws Exception {
        String[] admins = CurrentUser.authorities(properties.adminGroups());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Reading the policy's record is the controller's business (operators); changing
                        // the policy is for admins, whatever endpoint comes to do it.
                        .requestMatchers(HttpMethod.GET, POLICY_PATHS)
                        .authenticated()
                        .requestMatchers(POLICY_PATHS)
                        .hasAnyAuthority(admins)
                        .anyRequest()
                        .authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> standardHeaders()
                        .customize(headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))));
        return authentication.applyTo(http).build();
    }

    @Bean
    @Order(ACTUATOR_ORDER)
    public SecurityFilterChain actuatorSecurityFilterChain(
            HttpSecurity http, CountersignSecurityProperties properties, StatelessAuthentication authentication)
            throws Exception {
        String[] operators = CurrentUser.authorities(properties.operatorGroups());
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(operators))
                .headers(standardHeaders());
        return authentication.applyTo(http).build();
    }

    @Bean
    @Order(FALLBACK_ORDER)
    public SecurityFilterChain fallbackSecurityFilterChain(HttpSecurity http, StatelessAuthentication authentication)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .headers(standardHeaders());
        return authentication.applyTo(http).build();
    }

    /**
     * The headers every chain sends, the console's included: Spring Security's defaults (nosniff,
     * {@code X-Frame-Options: DENY}, no-store caching, HSTS on HTTPS requests only) and a
     * same-origin referrer policy, so no URL of the service leaks to another site.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> standardHeaders() {
        return headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
