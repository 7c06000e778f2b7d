package dev.countersign.cli.api;

import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;

/** The server answered with an error status; carries its problem+json and what to do next. */
public final class ApiException extends CliException {

    private final Problem problem;
    private final String path;

    ApiException(Problem problem, String path) {
        this(problem, path, Hints.forProblem(problem, path));
    }

    private ApiException(Problem problem, String path, String hint) {
        super(ExitCode.forStatus(problem.status()), problem.message(), hint);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** A 404 without a problem code: the server has no such endpoint, being older than this CLI. */
    public boolean noSuchEndpoint() {
        return status() == 404 && problem.codeIfAny().isEmpty();
    }

    /** The same failure with a hint that knows more than the status and code do. */
    public ApiException withHint(String hint) {
        return new ApiException(problem, path, hint);
    }
}
