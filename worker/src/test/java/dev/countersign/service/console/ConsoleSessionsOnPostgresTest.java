package dev.countersign.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.ServiceReplica;
import dev.countersign.store.TestPostgres;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The console's sessions in PostgreSQL, on whole replicas of the service ({@link ServiceReplica}, each
 * with its own embedded Temporal): a session signed in on one replica is honoured by another, its CSRF
 * token included, and outlives the replica that made it; and a request the browser sent before signing
 * in (its favicon, say) that ends after the sign-in does not sign the reviewer out again.
 */
class ConsoleSessionsOnPostgresTest {

    /** Lets a test hold a request after it read its session, and let it go on later. */
    private static final CountDownLatch READ = new CountDownLatch(1);

    private static final CountDownLatch GO_ON = new CountDownLatch(1);

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionSignedInOnOneReplicaWorksOnAnotherAndOutlivesIt() throws Exception {
        String session;
        try (ConfigurableApplicationContext first = replica()) {
            assertThat(databaseUrl(first)).as("the replica's database").isEqualTo(postgres.url());
            session = signIn(port(first), "alice", "acceptance-secret");
            try (ConfigurableApplicationContext second = replica()) {
                HttpResponse<String> inbox = get(port(second), "/inbox", session);
                assertThat(inbox.statusCode()).isEqualTo(200);
                assertThat(inbox.body()).contains("alice");

                first.close();

                HttpResponse<String> again = get(port(second), "/inbox", session);
                assertThat(again.statusCode()).isEqualTo(200);
                String token = csrfToken(again.body());
                HttpResponse<String> signedOut = post(port(second), "/logout", session, "_csrf=" + encode(token));
                assertThat(signedOut.statusCode()).isEqualTo(302);
                assertThat(signedOut.headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
                assertThat(get(port(second), "/inbox", session).statusCode())
                        .as("signed out on the second replica")
                        .isEqualTo(302);
            }
        }
    }

    @Test
    void aRequestFromBeforeTheSignInThatEndsAfterItLeavesTheReviewerSignedIn() throws Exception {
        try (ConfigurableApplicationContext replica = ServiceReplica.start(
                new Class<?>[] {HeldRequests.class}, postgres.url(), postgres.username(), postgres.password())) {
            int port = port(replica);
            HttpResponse<String> form = get(port, "/login", null);
            String anonymous = sessionCookie(form);
            CompletableFuture<HttpResponse<String>> favicon = http.sendAsync(
                    HttpRequest.newBuilder(uri(port, "/favicon.ico"))
                            .header("Cookie", "JSESSIONID=" + anonymous)
                            .header(HeldRequests.HOLD, "true")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(READ.await(30, TimeUnit.SECONDS))
                    .as("the favicon request read its session")
                    .isTrue();

            HttpResponse<String> signedIn = post(
                    port,
                    "/login",
                    anonymous,
                    "username=alice&password=acceptance-secret&_csrf=" + encode(csrfToken(form.body())));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String session = sessionCookie(signedIn);
            assertThat(session).as("a new session on sign-in").isNotEqualTo(anonymous);

            GO_ON.countDown();
            favicon.get(30, TimeUnit.SECONDS);

            HttpResponse<String> inbox = get(port, "/inbox", session);
            assertThat(inbox.statusCode()).as("still signed in").isEqualTo(200);
            assertThat(inbox.body()).contains("alice");
            assertThat(get(port, "/inbox", anonymous).statusCode())
                    .as("the session from before the sign-in is not signed in")
                    .isEqualTo(302);
        }
    }

    /** Signs in through the login form (CSRF token included) and returns the session cookie's value. */
    private String signIn(int port, String user, String password) throws Exception {
        HttpResponse<String> form = get(port, "/login", null);
        String anonymous = sessionCookie(form);
        HttpResponse<String> signedIn = post(
                port,
                "/login",
                anonymous,
                "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                        + encode(csrfToken(form.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/inbox"));
        return sessionCookie(signedIn);
    }

    private static ConfigurableApplicationContext replica() {
        return ServiceReplica.start(postgres.url(), postgres.username(), postgres.password());
    }

    private HttpResponse<String> get(int port, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String session, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(port, path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Holds a request that carries {@link #HOLD} once it read its session (as Spring Session loads it
     * for any request with a cookie), until the test lets it go on; Spring Session saves the session when
     * the request ends.
     */
    @Configuration(proxyBeanMethods = false)
    static class HeldRequests {

        static final String HOLD = "X-Test-Hold";

        @Bean
        FilterRegistrationBean<Filter> heldRequests() {
            Filter hold = (request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if (http.getHeader(HOLD) != null) {
                    http.getSession(false);
                    READ.countDown();
                    try {
                        GO_ON.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(hold);
            registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
            return registration;
        }
    }

    private static String databaseUrl(ConfigurableApplicationContext context) throws Exception {
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ServiceReplica.port(replica);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
