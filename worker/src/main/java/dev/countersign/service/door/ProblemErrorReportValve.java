package dev.countersign.service.door;

import dev.countersign.service.security.LogSafe;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as problem+json with the API's security headers instead of Tomcat's HTML
 * page. Tomcat writes it for what it refuses before any filter runs: a NUL or an encoded '/' in the
 * path, a request line or headers over {@code server.max-http-request-header-size} (which Tomcat
 * answers 400; here 414 when the request line did not fit, 431 when the headers did not), a request
 * line it cannot parse; and for any error status nothing else wrote a body for.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    /** Tomcat's own message (in the JVM's locale, as Tomcat writes it) for a full header buffer. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problem(request, status, throwable);
        log.info(
                "Tomcat refused {} {} with {}{}",
                LogSafe.text(request.getMethod()),
                LogSafe.text(request.getRequestURI()),
                problem.getStatus(),
                throwable == null ? "" : ": " + LogSafe.text(throwable.getMessage()));
        try {
            response.setSuspended(false);
            DoorProblems.write(request, response, problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            log.debug("the error report for status {} could not be written", status, unwritable);
        }
    }

    private static ProblemDetail problem(Request request, int status, Throwable throwable) {
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value() || status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answers to a request line without HTTP/1.x, or a transfer coding it does not know:
            // the request is what is wrong, so a 4xx says so.
            return DoorProblems.problem(
                    HttpStatus.BAD_REQUEST,
                    "MalformedRequest",
                    "the request could not be read: this service speaks HTTP/1.0 and HTTP/1.1 with the chunked"
                            + " transfer coding only",
                    request);
        }
        if (status != HttpStatus.BAD_REQUEST.value()) {
            return DoorProblems.forStatus(status, request);
        }
        if (throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
            String uri = request.getRequestURI();
            return uri == null || uri.isEmpty()
                    ? DoorProblems.problem(
                            HttpStatus.URI_TOO_LONG,
                            "UriTooLong",
                            "the request line is longer than the service reads (server.max-http-request-header-size)",
                            request)
                    : DoorProblems.problem(
                            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "HeadersTooLarge",
                            "the request's headers are larger than the service reads"
                                    + " (server.max-http-request-header-size)",
                            request);
        }
        return DoorProblems.problem(
                HttpStatus.BAD_REQUEST,
                "MalformedRequest",
                "the request could not be read: its request line, path or headers are malformed (for example a NUL"
                        + " or an encoded '/' in the path)",
                request);
    }
}
