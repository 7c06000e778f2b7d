package dev.countersign.task;

import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends the rows of the decision record to the store as they appear, from one coroutine of its own:
 * it waits until an action changed in a way that tells a new row, sends the new rows, and waits
 * again. Nothing else in the task waits for it, except the handover and the end of the task, which
 * wait until everything is sent. A new run sends its carried actions' rows again; the store keeps the
 * first copy. Tasks begun before this version send nothing, and replay as they ran.
 */
final class DecisionRecorder {

    /** The version marker of sending the decision record to the store. */
    static final String STORE = "decision-record-store";

    private final TaskState state;
    private final DecisionRecordActivities store;
    private final DecisionRecordRows rows;
    /** What each action looked like when its rows were last sent, by action id. */
    private final Map<String, String> sent = new LinkedHashMap<>();

    private final Set<String> sentKeys = new HashSet<>();
    /** The digest of each action's proposal, for the first edit of it, which replaces it in the view. */
    private final Map<String, String> proposals = new LinkedHashMap<>();

    private boolean on;
    private boolean sending;

    DecisionRecorder(TaskState state, DecisionRecordActivities store) {
        this.state = state;
        this.store = store;
        this.rows = new DecisionRecordRows(state.start.taskId(), state.start.requester(), state.start.agent());
    }

    /** Starts sending, in a run that began on this version. */
    void start() {
        on = Workflow.getVersion(STORE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
        if (on) {
            Async.procedure(this::deliver);
        }
    }

    /** Whether every row that has appeared was sent. */
    boolean idle() {
        return !on || (!sending && !hasUnsent());
    }

    private boolean hasUnsent() {
        for (ActionRecord action : state.actions) {
            if (!Objects.equals(sent.get(action.actionId), signature(action))) {
                return true;
            }
        }
        return false;
    }

    private void deliver() {
        while (true) {
            Workflow.await(this::hasUnsent);
            sending = true;
            Map<String, String> seen = new LinkedHashMap<>();
            List<DecisionRecordRow> unsent = new ArrayList<>();
            for (ActionRecord action : state.actions) {
                String signature = signature(action);
                if (!Objects.equals(sent.get(action.actionId), signature)) {
                    seen.put(action.actionId, signature);
                    unsent.addAll(unsent(action));
                }
            }
            for (int from = 0; from < unsent.size(); from += DecisionRecordActivities.MAX_ROWS) {
                store.recordDecisions(List.copyOf(
                        unsent.subList(from, Math.min(unsent.size(), from + DecisionRecordActivities.MAX_ROWS))));
            }
            unsent.forEach(row -> sentKeys.add(key(row.actionId(), row.eventKey())));
            sent.putAll(seen);
            forgetActionsThatLeft();
            sending = false;
        }
    }

    private List<DecisionRecordRow> unsent(ActionRecord action) {
        List<DecisionRecordRow> unsent = new ArrayList<>();
        for (DecisionRecordRow row : rows.of(action.view())) {
            if (sentKeys.contains(key(row.actionId(), row.eventKey()))) {
                continue;
            }
            unsent.add(completed(action, row));
        }
        return unsent;
    }

    /** Fills in what the view no longer shows but this run saw: the time, the agent's own run, the proposal's digest. */
    private DecisionRecordRow completed(ActionRecord action, DecisionRecordRow row) {
        DecisionRecordRow done = row.at() == null ? row.timed(TaskBoard.now()) : row;
        if (done.kind() == DecisionEvent.PROPOSAL && done.argsDigest() != null) {
            proposals.put(action.actionId, done.argsDigest());
        }
        if (done.kind() == DecisionEvent.EXECUTION && action.agentRuns) {
            done = done.doneBy("agent");
        }
        if ("edit".equals(done.outcome()) && done.previousArgsDigest() == null) {
            done = done.digests(done.argsDigest(), proposals.get(action.actionId));
        }
        return done;
    }

    private void forgetActionsThatLeft() {
        Set<String> held = new HashSet<>();
        state.actions.forEach(action -> held.add(action.actionId));
        sent.keySet().retainAll(held);
        proposals.keySet().retainAll(held);
        sentKeys.removeIf(key -> !held.contains(key.substring(0, key.indexOf('/'))));
    }

    /** Changes whenever the action tells a new row. */
    private static String signature(ActionRecord action) {
        return action.state + "/" + (action.verdict == null) + "/" + action.decisions.size() + "/"
                + action.review.state() + "/" + (action.compensation == null ? -1 : action.compensation.runs()) + "/"
                + (action.compensation != null && action.compensation.resolvedBy() != null);
    }

    private static String key(String actionId, String eventKey) {
        return actionId + "/" + eventKey;
    }
}
