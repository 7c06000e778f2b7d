package dev.countersign.service.door;

import dev.countersign.service.security.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what Spring Security's firewall refuses (a URL with {@code //}, {@code ;}, {@code %2e},
 * {@code %25}, a backslash or a control character; a header or parameter that is not allowed; an
 * unknown method) with problem+json and the API's security headers, instead of Boot's default
 * error body. An unknown method answers 405 with the methods the service knows in {@code Allow}: the
 * method is what is wrong, and 405 says so while 400 would send the client looking at the URL; 501,
 * the other candidate, would make a client's mistake look like a server fault.
 */
public final class RejectedRequests implements RequestRejectedHandler {

    /** The methods Spring Security's {@code StrictHttpFirewall} lets through by default. */
    static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemDetail problem = problem(request);
        log.info(
                "refused {} {} with {}: {}",
                LogSafe.text(request.getMethod()),
                LogSafe.text(request.getRequestURI()),
                problem.getStatus(),
                LogSafe.text(rejected.getMessage()));
        if (problem.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", KNOWN_METHODS));
        }
        DoorProblems.write(request, response, problem);
    }

    /** The answer to a request the firewall refused, here or when a controller read a refused header. */
    public static ProblemDetail problem(HttpServletRequest request) {
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            return DoorProblems.problem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed",
                    "this service answers only the methods " + KNOWN_METHODS,
                    request);
        }
        return DoorProblems.problem(
                HttpStatus.BAD_REQUEST,
                "RequestRejected",
                "the request was rejected: its URL, a header or a parameter holds something the service does not"
                        + " accept (such as '//', ';', an encoded '.', '/', '%' or a backslash, a control character,"
                        + " or a header value outside printable characters)",
                request);
    }
}
