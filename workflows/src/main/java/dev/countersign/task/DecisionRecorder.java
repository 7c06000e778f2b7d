package dev.countersign.task;

import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends the rows of the decision record to the store, from one coroutine of its own: it waits until
 * an action changed in a way that tells a new row, then, in runs begun on the batched version, until
 * {@link #BATCH_ACTIONS} actions changed, {@link #BATCH_DELAY} passed, the task waits for a person,
 * or someone waits for the record ({@link #flush}), and sends the new rows in one call. So a run of automatic steps costs one
 * call per many steps rather than one per step, and a row reaches the store within seconds. Nothing
 * else in the task waits for it, except the handover and the end of the task, which flush and wait
 * until everything is sent. A new run sends its carried actions' rows again; the store keeps the
 * first copy. Tasks begun before the first version send nothing, and those begun on the first
 * version send after every change; both replay as they ran.
 */
final class DecisionRecorder {

    /** The version marker of sending the decision record to the store. */
    static final String STORE = "decision-record-store";

    /** The version of {@link #STORE} from which rows are sent in batches. */
    static final int BATCHED = 2;

    /** A batch goes as soon as this many actions have something new to tell. */
    static final int BATCH_ACTIONS = 20;

    /** A batch goes at the latest this long after its first row appeared. */
    static final Duration BATCH_DELAY = Duration.ofSeconds(5);

    private final TaskState state;
    private final DecisionRecordActivities store;
    private final DecisionRecordRows rows;
    /** What each action looked like when its rows were last sent, by action id. */
    private final Map<String, String> sent = new LinkedHashMap<>();

    private final Set<String> sentKeys = new HashSet<>();
    /** The digest of each action's proposal, for the first edit of it, which replaces it in the view. */
    private final Map<String, String> proposals = new LinkedHashMap<>();

    private boolean on;
    private boolean batched;
    private boolean sending;
    /** Someone waits until every row is sent: the next batch goes now. */
    private boolean flushing;

    DecisionRecorder(TaskState state, DecisionRecordActivities store) {
        this.state = state;
        this.store = store;
        this.rows = new DecisionRecordRows(state.start.taskId(), state.start.requester(), state.start.agent());
    }

    /** Starts sending, in a run that began on this version. */
    void start() {
        int version = Workflow.getVersion(STORE, Workflow.DEFAULT_VERSION, BATCHED);
        on = version != Workflow.DEFAULT_VERSION;
        batched = version >= BATCHED;
        if (on) {
            Async.procedure(this::deliver);
        }
    }

    /** Sends what waits now rather than at the end of its batch; call it before waiting until {@link #idle}. */
    void flush() {
        if (!idle()) {
            flushing = true;
        }
    }

    /** Whether every row that has appeared was sent. */
    boolean idle() {
        return !on || (!sending && !hasUnsent());
    }

    private boolean hasUnsent() {
        return changedActions(1) > 0;
    }

    /** How many actions have something new to tell, counting no further than {@code enough}. */
    private int changedActions(int enough) {
        int changed = 0;
        for (ActionRecord action : state.actions) {
            if (!Objects.equals(sent.get(action.actionId), signature(action)) && ++changed >= enough) {
                break;
            }
        }
        return changed;
    }

    /**
     * A batch goes at once while the task waits for a person: what they decide is recorded promptly,
     * and a proposal's rows are sent (with its digest) before an edit can replace its arguments.
     */
    private boolean batchDue() {
        return flushing
                || !state.approvals.isEmpty()
                || state.question != null
                || changedActions(BATCH_ACTIONS) >= BATCH_ACTIONS;
    }

    private void deliver() {
        while (true) {
            Workflow.await(this::hasUnsent);
            if (batched && !batchDue()) {
                Workflow.await(BATCH_DELAY, this::batchDue);
            }
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
            if (!hasUnsent()) {
                flushing = false;
            }
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
