package dev.countersign.service.console;

import dev.countersign.service.security.throttle.LoginThrottled;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the login page: with {@code ?error} for a wrong password, or, when
 * the login throttle refused the attempt, the login page itself with status 429, {@code Retry-After}
 * and a message saying when to try again (rendered in place: a redirect would lose the status).
 */
class ConsoleLoginFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongPassword =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!(failure instanceof LoginThrottled throttled)) {
            wrongPassword.onAuthenticationFailure(request, response, failure);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        request.setAttribute(LoginThrottled.REQUEST_ATTRIBUTE, throttled);
        // As a GET, so the forward reaches the login page rather than the form login's POST handler.
        request.getRequestDispatcher("/login").forward(new AsGet(request), response);
    }

    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
