package dev.countersign.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Logs who was refused what and why (a missing or wrong CSRF token, or missing rights), then
 * answers 403 through the error page, which the console renders in its own look.
 */
public class ConsoleAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccessDeniedHandler.class);

    static final String REASON = "countersign.console.denied";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String why = denied instanceof CsrfException
                ? "the form's CSRF token is missing or no longer valid"
                : "your groups do not allow this";
        log.warn(
                "console refused {} {} for '{}' with 403: {}",
                request.getMethod(),
                clean(request.getRequestURI()),
                clean(request.getRemoteUser()),
                why);
        request.setAttribute(REASON, why);
        response.sendError(HttpStatus.FORBIDDEN.value(), why);
    }

    private static String clean(String value) {
        if (value == null) {
            return "anonymous";
        }
        String safe = value.replaceAll("\\p{Cntrl}", "?");
        return safe.length() <= 200 ? safe : safe.substring(0, 200) + "...";
    }
}
