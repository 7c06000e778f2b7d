package dev.countersign.service.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders the errors that reach {@code /error} in a browser (a refused CSRF token, an unknown page)
 * as the console's error page, never the white-label one. Clients that ask for JSON still get
 * Spring Boot's JSON error body.
 */
@Component
public class ConsoleErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object reason = request.getAttribute(ConsoleAccessDeniedHandler.REASON);
        String explanation = reason == null ? null : "Refused: " + reason + ". Reload the page and try again.";
        return ConsoleErrors.page(status, explanation);
    }
}
