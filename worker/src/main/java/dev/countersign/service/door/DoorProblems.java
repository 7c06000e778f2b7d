package dev.countersign.service.door;

import dev.countersign.service.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer, with the API's security headers, where Spring MVC does not: in the
 * filters at the door, for the firewall, in Tomcat's error report and on the error page. The body
 * follows the API's conventions ({@link Problems#of}) and never carries a stack trace, an exception
 * message or the server's name.
 */
public final class DoorProblems {

    static final String REQUEST_TOO_LARGE = "RequestTooLarge";

    private DoorProblems() {}

    public static ProblemDetail problem(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setInstance(Problems.instance(request));
        return problem;
    }

    /** The 413 answer for a body over the limit, whether its length was declared or counted. */
    public static ProblemDetail tooLarge(String limit, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, REQUEST_TOO_LARGE, tooLargeDetail(limit), request);
    }

    static String tooLargeDetail(String limit) {
        return "the request body is larger than the service accepts (countersign.limits.max-request-body = " + limit
                + ")";
    }

    /**
     * The answer for an error status that nothing explained: the status with its reason phrase as
     * code and detail; a 5xx says only that the failure was logged (what failed is in the log, never
     * in the answer), and a status Spring does not know becomes a 500.
     */
    static ProblemDetail forStatus(int status, HttpServletRequest request) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String reason = known.getReasonPhrase();
        StringBuilder code = new StringBuilder();
        for (String word : reason.split("[^A-Za-z]+")) {
            if (!word.isEmpty()) {
                code.append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        String detail = known.is5xxServerError()
                ? "the request could not be completed; it has been logged on the server"
                : reason.toLowerCase(Locale.ROOT);
        return problem(known, code.toString(), detail, request);
    }

    /** Resets whatever the response holds and writes the problem, its headers and its status. */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        SecurityHeaders.write(request, response);
        response.setContentType(Problems.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
        response.flushBuffer();
    }

    static String json(ProblemDetail problem) {
        return JsonMapper.shared().writeValueAsString(Problems.fields(problem));
    }
}
