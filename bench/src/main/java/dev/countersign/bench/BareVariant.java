package dev.countersign.bench;

import io.temporal.client.WorkflowUpdateStage;

/**
 * One way of running the bare gate: its task queue (whose worker has eager activities on or off, a
 * workflow cache or none), whether the tool runs as a local activity, and the Update stage the client
 * waits for before it counts the decision acknowledged.
 */
record BareVariant(
        String name,
        String taskQueue,
        boolean local,
        boolean heartbeatFirst,
        boolean countersignShaped,
        WorkflowUpdateStage ackStage,
        String technique) {

    static final String EAGER = "bare-eager";
    static final String NO_EAGER = "bare-no-eager";
    static final String NO_STICKY = "bare-no-sticky";

    /** Temporal's defaults, as Countersign's worker has them: sticky cache on, eager activities allowed. */
    static final BareVariant BASELINE = new BareVariant(
            "bare Temporal",
            EAGER,
            false,
            false,
            false,
            WorkflowUpdateStage.COMPLETED,
            "SDK defaults, as Countersign's worker");

    static final BareVariant EAGER_OFF = new BareVariant(
            "bare, eager off",
            NO_EAGER,
            false,
            false,
            false,
            WorkflowUpdateStage.COMPLETED,
            "WorkerOptions.setDisableEagerExecution(true): the activity goes through matching");
    static final BareVariant LOCAL = new BareVariant(
            "bare, local activity",
            EAGER,
            true,
            false,
            false,
            WorkflowUpdateStage.COMPLETED,
            "the tool as a local activity, run in the workflow task's worker");
    static final BareVariant ACCEPTED = new BareVariant(
            "bare, ack at ACCEPTED",
            EAGER,
            false,
            false,
            false,
            WorkflowUpdateStage.ACCEPTED,
            "the client waits for the Update's ACCEPTED stage, not COMPLETED");
    static final BareVariant STICKY_OFF = new BareVariant(
            "bare, sticky off",
            NO_STICKY,
            false,
            false,
            false,
            WorkflowUpdateStage.COMPLETED,
            "WorkerFactoryOptions.setWorkflowCacheSize(0): every workflow task replays the history");

    static final BareVariant HEARTBEAT_FIRST = new BareVariant(
            "bare, heartbeat first",
            EAGER,
            false,
            true,
            false,
            WorkflowUpdateStage.COMPLETED,
            "the activity heartbeats once (a synchronous RPC) before it calls the tool, as Countersign's guard of"
                    + " tools that are not idempotent does on a retry (a first attempt no longer does)");
    static final BareVariant SHAPED = new BareVariant(
            "bare, Countersign's shape",
            EAGER,
            false,
            false,
            true,
            WorkflowUpdateStage.COMPLETED,
            "the decision's workflow task as Countersign's: a memo and a search-attribute upsert in the Update"
                    + " handler, a search-attribute upsert after it, and a timer started beside the tool's activity");

    static java.util.List<BareVariant> all() {
        return java.util.List.of(BASELINE, EAGER_OFF, LOCAL, ACCEPTED, STICKY_OFF, HEARTBEAT_FIRST, SHAPED);
    }
}
