package dev.countersign.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import dev.countersign.client.Countersign;
import dev.countersign.client.StartedTask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The same API on a real Tomcat with Boot's own web and security auto-configuration: the security
 * filter is registered as a servlet filter, and errors raised outside the dispatcher are still
 * problem+json.
 */
@SpringBootTest(
        classes = {ApiTestApplication.class, ApiOverHttpTest.WebServer.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
@WithTestUsers
class ApiOverHttpTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
    })
    static class WebServer {}

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @MockitoBean
    Countersign countersign;

    @Test
    void missingCredentialsGetAProblemAndABasicChallenge() throws Exception {
        HttpResponse<String> response = send(request("/api/tasks").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"countersign\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"Unauthenticated\"").contains("\"instance\":\"/api/tasks\"");
    }

    @Test
    void startedTaskIsCreatedWithoutASession() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("refund-42", true, "RUNNING"));

        HttpResponse<String> response = send(request("/api/tasks")
                .header("Authorization", basic("dave"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"agent":"support","goal":"refund","taskId":"refund-42"}
                        """)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://localhost:" + port + "/api/tasks/refund-42");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.body()).isEqualTo("{\"taskId\":\"refund-42\",\"status\":\"RUNNING\"}");
    }

    @Test
    void unknownRouteIsAProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/nothing-here")
                .header("Authorization", basic("dave"))
                .GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no endpoint GET /api/nothing-here");
    }

    @Test
    void malformedJsonIsAProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/tasks")
                .header("Authorization", basic("dave"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent\":")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("malformed JSON: ");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
