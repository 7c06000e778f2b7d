package dev.countersign.service.api;

import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** A request the API refuses before it reaches the facade, with the status and code to answer. */
class ApiProblem extends RuntimeException {

    static final String INVALID_REQUEST = "InvalidRequest";
    static final String INVALID_DECISION = "InvalidDecision";

    private final HttpStatus status;
    private final String code;

    private ApiProblem(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail);
    }

    /** Builds a domain value, turning its compact constructor's refusal into a 400. */
    static <T> T valid(String code, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException invalid) {
            throw badRequest(code, invalid.getMessage());
        }
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
