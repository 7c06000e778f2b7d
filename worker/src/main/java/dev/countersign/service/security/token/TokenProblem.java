package dev.countersign.service.security.token;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused token request. As an {@link ErrorResponseException} it is written by the API's one
 * exception handler, with the same type, title and code conventions as the API's own problems.
 */
final class TokenProblem extends ErrorResponseException {

    private TokenProblem(HttpStatus status, String code, String title, String detail) {
        super(status, problem(status, code, title, detail), null);
    }

    static TokenProblem badRequest(String detail) {
        return new TokenProblem(HttpStatus.BAD_REQUEST, "InvalidRequest", "Invalid request", detail);
    }

    static TokenProblem notFound(String tokenId) {
        return new TokenProblem(
                HttpStatus.NOT_FOUND, "TokenNotFound", "Token not found", "you have no API token '" + tokenId + "'");
    }

    static TokenProblem forbidden(String code, String title, String detail) {
        return new TokenProblem(HttpStatus.FORBIDDEN, code, title, detail);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(
                "https://countersign.dev/problems/" + title.toLowerCase().replace(' ', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
