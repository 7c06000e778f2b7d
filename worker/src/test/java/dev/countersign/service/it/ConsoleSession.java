package dev.countersign.service.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser signed in to the console: a cookie jar and the CSRF token of the last page, over real
 * HTTP. It follows no redirect by itself, so a test sees a 302 to the login page for what it is. The
 * same session can be sent to any replica ({@code port} on each call), as a load balancer would.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String user;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    private ConsoleSession(String user) {
        this.user = user;
    }

    /** Signs in with the console's login form on the replica at {@code port}, as a browser does. */
    static ConsoleSession signIn(int port, String user) {
        ConsoleSession session = new ConsoleSession(user);
        session.get(port, "/login").expect(200);
        Page login = session.post(port, "/login", Map.of("username", user, "password", Api.PASSWORD));
        if (login.status() != 302 || !login.location().endsWith("/inbox")) {
            throw new AssertionError(user + "'s sign-in on port " + port + " answered " + login.status() + " to "
                    + login.location() + ": " + login.body());
        }
        session.get(port, "/inbox").expect(200);
        return session;
    }

    String user() {
        return user;
    }

    /** The cookies the browser holds now, name to value. */
    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The CSRF token of the last page read, which the next form POST sends. */
    String csrfToken() {
        return csrfToken;
    }

    Page get(int port, String path) {
        return send(port, HttpRequest.newBuilder(uri(port, path)).GET());
    }

    /** A GET as htmx sends it in the background (the inbox poll): with {@code HX-Request: true}. */
    Page htmxGet(int port, String path) {
        return send(
                port,
                HttpRequest.newBuilder(uri(port, path))
                        .header("HX-Request", "true")
                        .GET());
    }

    /** A form POST with the CSRF token of the last page read, as the console's forms send it. */
    Page post(int port, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken);
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                port,
                HttpRequest.newBuilder(uri(port, path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(int port, HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.header("Accept", "text/html,application/xhtml+xml")
                .timeout(Duration.ofSeconds(60))
                .build();
        String description = built.method() + " " + built.uri().getPath() + " as " + user + " on port " + port;
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            Matcher csrf = CSRF.matcher(response.body());
            if (csrf.find()) {
                csrfToken = csrf.group(1);
            }
            return new Page(
                    description,
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(description + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description + " was interrupted", e);
        }
    }

    /** Keeps a cookie the server set, or drops it when the server expired it. */
    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One answer: the status, where a redirect points, and the HTML. */
    record Page(String request, int status, String location, String body) {

        Page expect(int expected) {
            if (status != expected) {
                throw new AssertionError(
                        request + " answered " + status + (location.isEmpty() ? "" : " to " + location) + ": " + body);
            }
            return this;
        }
    }
}
