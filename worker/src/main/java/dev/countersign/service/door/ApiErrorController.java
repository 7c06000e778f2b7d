package dev.countersign.service.door;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's error page, except for requests under {@code /api} and {@code /actuator}: whatever sent
 * those to the error page (a filter's {@code sendError}, an exception outside Spring MVC), they get
 * problem+json with the API's security headers, whatever they accept. The console keeps its HTML
 * error page.
 */
public class ApiErrorController extends BasicErrorController {

    public ApiErrorController(
            ErrorAttributes errorAttributes, ErrorProperties errorProperties, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, errorProperties, resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApi(request)) {
            return super.errorHtml(request, response);
        }
        writeProblem(request, response);
        return null;
    }

    /** Spring passes no response here; the current one is the same object the request belongs to. */
    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!isApi(request)) {
            return super.error(request);
        }
        writeProblem(request, currentResponse());
        return null;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = originalPath(request);
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = DoorProblems.forStatus(getStatus(request).value(), request);
        try {
            problem.setInstance(new URI(originalPath(request)));
        } catch (URISyntaxException unusual) {
            problem.setInstance(null);
        }
        try {
            DoorProblems.write(request, response, problem);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static HttpServletResponse currentResponse() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }
}
