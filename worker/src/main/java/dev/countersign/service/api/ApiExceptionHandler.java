package dev.countersign.service.api;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.GateNotFound;
import dev.countersign.client.PayloadTooLarge;
import dev.countersign.client.TaskConflict;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.client.UnknownAgent;
import dev.countersign.service.door.DoorProblems;
import dev.countersign.service.door.RejectedRequests;
import dev.countersign.service.door.RequestBodyTooLarge;
import dev.countersign.service.limits.FieldTooLong;
import dev.countersign.service.security.ApiSecurityConfiguration;
import dev.countersign.service.security.LogSafe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where failures become application/problem+json: the facade's exceptions, the
 * workflow's refusals by type, the API's own checks, Spring MVC's errors, Spring Security's 401 and
 * 403 (handed over by its entry point and access-denied handler), and anything unexpected as a
 * generic 500 that is logged once.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * The facade's and the API's own refusals that answer one status each, with the exception's simple
     * name as the problem's code.
     */
    private static final Map<Class<? extends RuntimeException>, HttpStatus> FACADE_STATUSES = Map.of(
            TaskNotFound.class, HttpStatus.NOT_FOUND,
            ApprovalNotFound.class, HttpStatus.NOT_FOUND,
            GateNotFound.class, HttpStatus.NOT_FOUND,
            TaskConflict.class, HttpStatus.CONFLICT,
            TaskNotActive.class, HttpStatus.CONFLICT,
            FieldTooLong.class, HttpStatus.BAD_REQUEST,
            PayloadTooLarge.class, HttpStatus.CONTENT_TOO_LARGE,
            UnknownAgent.class, HttpStatus.BAD_REQUEST);

    @ExceptionHandler(DecisionRefused.class)
    ResponseEntity<ProblemDetail> refused(DecisionRefused refused, HttpServletRequest request) {
        String type = refused.type() == null ? "Refused" : refused.type();
        HttpStatus status = RefusalStatus.of(type);
        if (status == null) {
            log.warn("refusal type '{}' has no HTTP status of its own; answering 409", type);
            status = HttpStatus.CONFLICT;
        }
        return refusal(status, type, refused.getMessage(), request);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return refusal(problem.status(), problem.code(), problem.getMessage(), request);
    }

    @ExceptionHandler({
        TaskNotFound.class,
        ApprovalNotFound.class,
        GateNotFound.class,
        TaskConflict.class,
        TaskNotActive.class,
        FieldTooLong.class,
        PayloadTooLarge.class,
        UnknownAgent.class
    })
    ResponseEntity<ProblemDetail> facadeRefusal(RuntimeException failure, HttpServletRequest request) {
        for (Map.Entry<Class<? extends RuntimeException>, HttpStatus> mapped : FACADE_STATUSES.entrySet()) {
            if (mapped.getKey().isInstance(failure)) {
                return refusal(mapped.getValue(), mapped.getKey().getSimpleName(), failure.getMessage(), request);
            }
        }
        return unexpected(failure, request);
    }

    /**
     * The problem a request failing with {@code failure} is answered with, written and logged as the
     * handlers here write it: for each refused approval of a bulk decision, which answers them all
     * at once.
     */
    ProblemDetail problemOf(RuntimeException failure, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer;
        if (failure instanceof DecisionRefused refused) {
            answer = refused(refused, request);
        } else if (failure instanceof ApiProblem problem) {
            answer = apiProblem(problem, request);
        } else if (FACADE_STATUSES.keySet().stream().anyMatch(type -> type.isInstance(failure))) {
            answer = facadeRefusal(failure, request);
        } else if (failure instanceof StatusRuntimeException || failure instanceof WorkflowServiceException) {
            answer = temporalFailure(failure, request);
        } else {
            answer = unexpected(failure, request);
        }
        return answer.getBody();
    }

    // Logged by the entry point, which knows it is refusing; here only the body is written.
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException failure, HttpServletRequest request) {
        String detail = failure instanceof BadCredentialsException
                ? "bad credentials: the user name or password is wrong"
                : "authentication required: send HTTP Basic credentials or a bearer token";
        ResponseEntity<ProblemDetail> response =
                respond(Problems.of(HttpStatus.UNAUTHORIZED, "Unauthenticated", detail), request);
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiSecurityConfiguration.BASIC_CHALLENGE)
                .contentType(Problems.MEDIA_TYPE)
                .body(response.getBody());
    }

    // Logged by the access-denied handler when the filter chain refuses.
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException denied, HttpServletRequest request) {
        return respond(
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "AccessDenied",
                        "your groups do not allow " + request.getMethod() + " " + request.getRequestURI()),
                request);
    }

    /**
     * Every task lives in Temporal: while its frontend does not answer, nothing can be started, read
     * or decided, and the caller should try again rather than read a 500 as a bug.
     */
    @ExceptionHandler({StatusRuntimeException.class, WorkflowServiceException.class})
    ResponseEntity<ProblemDetail> temporalFailure(RuntimeException failure, HttpServletRequest request) {
        Status tooLarge = TemporalPayloadTooLarge.of(failure);
        if (tooLarge != null) {
            // The cause is the request, not the service: no stack trace, and nothing to retry.
            log.warn(
                    "Temporal refused a payload as too large ({}) for {} {}: {}",
                    tooLarge.getCode(),
                    request.getMethod(),
                    LogSafe.text(request.getRequestURI()),
                    LogSafe.text(tooLarge.getDescription()));
            return refusal(
                    HttpStatus.CONTENT_TOO_LARGE,
                    DecisionRefusal.PAYLOAD_TOO_LARGE,
                    "the request is too large for the Temporal server (" + tooLarge.getCode()
                            + "); nothing was changed: send less",
                    request);
        }
        Status.Code code = TemporalUnavailable.code(failure);
        if (code == null) {
            return unexpected(failure, request);
        }
        log.warn(
                "Temporal is unavailable ({}) for {} {}: {}",
                code,
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                failure.getMessage());
        ResponseEntity<ProblemDetail> response = respond(
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "TemporalUnavailable",
                        "the Temporal server did not answer (" + code + "); nothing was changed, try again shortly"),
                request);
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(Problems.MEDIA_TYPE)
                .body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        return respond(
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "an unexpected error occurred; it has been logged on the server"),
                request);
    }

    /**
     * A header the firewall refuses is only checked when it is read, here by a controller; answered as
     * the firewall answers the requests it refuses itself.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected, HttpServletRequest request) {
        ProblemDetail problem = RejectedRequests.problem(request);
        return refusal(
                HttpStatus.valueOf(problem.getStatus()),
                String.valueOf(problem.getProperties().get("code")),
                problem.getDetail(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLarge tooLarge = RequestBodyTooLarge.in(failure);
        if (tooLarge != null) {
            log.info("refused {} with 413: {}", request.getDescription(false), tooLarge.getMessage());
            HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
            return handleExceptionInternal(
                    failure,
                    DoorProblems.tooLarge(tooLarge.limit(), servletRequest),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadableBody(failure));
        return handleExceptionInternal(failure, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, "no endpoint " + failure.getHttpMethod() + " /" + failure.getResourcePath());
        return handleExceptionInternal(failure, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("request failed with {}: {}", status.value(), request.getDescription(false), failure);
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.typeDefault(problem);
        }
        return response;
    }

    private static String unreadableBody(HttpMessageNotReadableException failure) {
        if (failure.getCause() instanceof StreamReadException malformed) {
            return "malformed JSON: " + Problems.withoutSource(malformed.getOriginalMessage())
                    + Problems.location(malformed);
        }
        if (failure.getCause() instanceof MismatchedInputException mismatch) {
            return "invalid request body: " + Problems.jsonPath(mismatch) + " has the wrong JSON type";
        }
        if (failure.getCause() instanceof JacksonException unreadable) {
            return "invalid request body: " + Problems.jsonPath(unreadable) + " could not be read";
        }
        String message = failure.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "a JSON request body is required";
        }
        return "the request body could not be read as JSON";
    }

    /** Every refusal is logged with who and why: a 403 as a warning, the others as information. */
    private static ResponseEntity<ProblemDetail> refusal(
            HttpStatus status, String code, String detail, HttpServletRequest request) {
        String line = "refused {} {} for '{}' with {} {}: {}";
        Object[] values = {
            request.getMethod(),
            LogSafe.text(request.getRequestURI()),
            LogSafe.text(request.getRemoteUser()),
            status.value(),
            code,
            LogSafe.text(detail)
        };
        if (status == HttpStatus.FORBIDDEN) {
            log.warn(line, values);
        } else {
            log.info(line, values);
        }
        return respond(Problems.of(status, code, detail), request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        Problems.typeDefault(problem);
        problem.setInstance(Problems.instance(request));
        return ResponseEntity.status(problem.getStatus())
                .contentType(Problems.MEDIA_TYPE)
                .body(problem);
    }
}
