package dev.countersign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Countersign's approval gate through its REST API with bearer tokens: a task of a model-driven agent of
 * the bench's agents file proposes its touch tool, the policy holds it for one approval from {@code
 * bench-reviewers}, and the decision is {@code POST /api/approvals/{id}/decision}.
 */
final class CountersignGates implements GateSystem {

    private static final Duration READY = Duration.ofMinutes(10);

    private final ServiceApi api;
    private final String requester;
    private final String reviewer;
    private final String agent;
    private final String name;

    /**
     * @param requester the Authorization header of the user who starts tasks
     * @param reviewer the Authorization header of the user who decides
     * @param agent the agent of {@link BenchFiles#agents} whose tasks are the gates
     * @param name the column in the report
     */
    CountersignGates(ServiceApi api, String requester, String reviewer, String agent, String name) {
        this.api = api;
        this.requester = requester;
        this.reviewer = reviewer;
        this.agent = agent;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Gate> prepare(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8, Threads.daemon("bench-prepare"));
        try {
            List<Future<Object>> started = new ArrayList<>();
            for (String id : ids) {
                started.add(pool.submit(() -> {
                    start(id);
                    return null;
                }));
            }
            Futures.all(started, READY);
            List<Future<Gate>> waiting = new ArrayList<>();
            for (String id : ids) {
                waiting.add(pool.submit(() -> awaitApproval(id)));
            }
            return Futures.all(waiting, READY);
        } finally {
            pool.shutdownNow();
        }
    }

    void start(String taskId) {
        int status = api.post(
                        "/api/tasks",
                        requester,
                        Map.of(
                                "agent",
                                agent,
                                "goal",
                                "Touch gate=" + taskId,
                                "input",
                                Map.of("gate", taskId),
                                "taskId",
                                taskId),
                        Map.of())
                .status();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("POST /api/tasks for " + taskId + " answered " + status);
        }
    }

    /** Reads the task until its approval waits, then answers its id and arguments digest. */
    Gate awaitApproval(String taskId) {
        long deadline = System.nanoTime() + READY.toNanos();
        // Each read is a workflow query, which costs the worker a workflow task: ask seldom.
        long pause = 200;
        while (System.nanoTime() < deadline) {
            ServiceApi.Reply reply = api.get("/api/tasks/" + taskId + "?limit=1", reviewer);
            if (reply.status() == 200) {
                JsonNode approval = reply.json().path("pendingApproval");
                if (approval.hasNonNull("approvalId")) {
                    return new Gate(
                            taskId,
                            approval.path("approvalId").asText(),
                            approval.path("argsDigest").asText());
                }
                String status = reply.json().path("status").asText();
                if (status.equals("FAILED") || status.equals("COMPLETED") || status.equals("CANCELLED")) {
                    throw new IllegalStateException(
                            "task " + taskId + " ended " + status + " before its approval: " + reply.body());
                }
            }
            Pause.millis(pause);
            pause = Math.min(1_000, pause * 2);
        }
        throw new IllegalStateException("task " + taskId + " had no pending approval within " + READY);
    }

    @Override
    public void awaitSettled(List<Gate> gates) {
        for (Gate gate : gates) {
            long deadline = System.nanoTime() + READY.toNanos();
            while (!api.get("/api/tasks/" + gate.id() + "?limit=1", reviewer)
                    .json()
                    .path("status")
                    .asText()
                    .equals("COMPLETED")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("task " + gate.id() + " did not complete within " + READY);
                }
                Pause.millis(200);
            }
        }
    }

    @Override
    public void decide(Gate gate) {
        ServiceApi.Reply reply = api.post(
                "/api/approvals/" + gate.approvalId() + "/decision",
                reviewer,
                Map.of("decision", "approve", "argsDigest", gate.argsDigest(), "comment", "bench"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (reply.status() != 200 || !reply.json().path("state").asText().equals("APPROVED")) {
            throw new IllegalStateException(
                    "decision on " + gate.approvalId() + ": " + reply.status() + " " + reply.body());
        }
    }
}
