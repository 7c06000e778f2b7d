package dev.countersign.service.door;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whatever sends a request under /api to the error page (a filter's sendError, an exception outside
 * Spring MVC) gets problem+json with the security headers, as JSON or as HTML client alike; a 5xx
 * says nothing of its cause.
 */
class ApiErrorControllerTest {

    private final ApiErrorController errors =
            new ApiErrorController(new DefaultErrorAttributes(), new ErrorProperties(), List.of());
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anErrorUnderTheApiIsAProblemForAJsonClient() throws Exception {
        MockHttpServletRequest request = errorOf("/api/tasks", 400, new IllegalStateException("secret detail"));

        assertThat(errors.error(request)).isNull();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.getContentAsString())
                .contains("\"code\":\"BadRequest\"", "\"instance\":\"/api/tasks\"")
                .doesNotContain("secret detail", "IllegalStateException");
    }

    @Test
    void anErrorUnderTheApiIsAProblemForABrowserToo() throws Exception {
        MockHttpServletRequest request = errorOf("/api/tasks", 500, new IllegalStateException("secret detail"));

        assertThat(errors.errorHtml(request, response)).isNull();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"code\":\"InternalServerError\"", "it has been logged on the server")
                .doesNotContain("secret detail");
    }

    @Test
    void theConsoleKeepsItsPage() {
        MockHttpServletRequest request = errorOf("/inbox", 404, null);

        assertThat(errors.errorHtml(request, response)).isNotNull();
    }

    private MockHttpServletRequest errorOf(String path, int status, Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        return request;
    }
}
