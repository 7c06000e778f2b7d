package dev.countersign.cli.api;

import java.util.List;
import java.util.Optional;

/** What to do next after an error, by the problem's code, else by its status. */
final class Hints {

    private static final String INBOX = "run `countersign inbox` to see what you may decide";

    private Hints() {}

    /**
     * @param path the request path, from which the task or approval id is taken so that the hint can
     *     name the exact command to run
     */
    static String forProblem(Problem problem, String path) {
        String task = idAfter(path, "tasks").orElse("TASK");
        return switch (problem.code()) {
            case "Unauthenticated" -> login();
            case "InvalidToken" ->
                "the token was revoked or has expired; create a new one (console: API tokens) and run"
                        + " `countersign login --token-stdin`";
            case "AccessDenied" -> "your groups do not allow this; ask an operator for access";
            case "NotARequester" -> "starting tasks needs a requester group; ask an operator to add you to one";
            case "NotRequesterOrOperator" -> "only the task's requester or an operator may cancel it";
            case "NotAnApprover" -> "the current tier needs other groups than yours; " + INBOX;
            case "AlreadyApprovedByReviewer" -> "your approval is counted already; another reviewer must approve too";
            case "RequesterCannotDecide" -> "you requested this task, so another reviewer must decide";
            case "TaskNotFound" -> "run `countersign tasks list` to see the tasks you may read";
            case "ApprovalNotFound", "UnknownApproval" -> "it may have been decided already; " + INBOX;
            case "ApprovalAlreadyDecided" -> "someone decided first; " + INBOX;
            case "StaleArgsDigest" -> "the arguments changed; run `countersign inbox` and decide again";
            case "IdempotencyKeyReused" ->
                "that Idempotency-Key already carried another decision, which stands; run the command again"
                        + " (each run sends a new key)";
            case "TaskConflict" -> "that task id belongs to a different task; choose another --task-id or leave it out";
            case "TaskNotActive" -> "the task has ended; run `countersign tasks show " + task + "` to see how";
            case "NotApplicable" -> "run `countersign tasks show " + task + "` to see what the task waits for";
            case "UnknownAgent" -> "check --agent: no agent of that name runs on the server";
            case "EditDeniedByPolicy" -> "the policy refuses these arguments; edit them differently, or reject";
            default -> byStatus(problem.status());
        };
    }

    private static String byStatus(int status) {
        if (status == 401) {
            return login();
        }
        if (status == 403) {
            return "your groups do not allow this; ask an operator for access";
        }
        if (status == 404) {
            return "the server has no such endpoint: check --server, or the server may be older than this CLI";
        }
        if (status >= 500) {
            return "the server logged the failure; try again later, or ask an operator";
        }
        return null;
    }

    private static String login() {
        return "the server refused your credentials; run `countersign login`";
    }

    private static Optional<String> idAfter(String path, String collection) {
        List<String> segments = List.of(path.replaceFirst("\\?.*", "").split("/"));
        int at = segments.indexOf(collection);
        return at >= 0 && at + 1 < segments.size()
                ? Optional.of(PathSegments.decode(segments.get(at + 1)))
                : Optional.empty();
    }
}
