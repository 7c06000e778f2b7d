package dev.countersign.service.it;

import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.record.DecisionRecordActivitiesImpl;
import dev.countersign.record.InMemoryDecisionRecordStore;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.AgentTaskWorkflowImpl;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A task worker in its own process for {@link ToolKilledMidCallIT}: the task workflow and the real
 * tool activity, with {@code wire_money}, which writes a line to a file each time it is reached and
 * then takes a minute; an agent that wires once and then finishes saying what it heard; a policy that
 * lets the wire run on its own. Arguments: the Temporal address, the file, and {@code not-idempotent}
 * (the wire is not idempotent and runs as an activity) or {@code local} (it is idempotent, runs as a
 * local activity, and takes a minute only the first time it is reached).
 */
public final class OnceOnlyWorker {

    private OnceOnlyWorker() {}

    public static void main(String[] args) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build());
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        Worker worker = factory.newWorker(AgentTaskWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        boolean local = args[2].equals("local");
        worker.registerActivitiesImplementations(
                new WireOnceAgent(),
                (PolicyActivities) request -> runsOnItsOwn(request).runningLocally(local),
                new ToolActivitiesImpl(new ToolRegistry(List.of(new SlowWire(Path.of(args[1]), local)))),
                // The task's decision record must be stored for it to end; this process keeps it in memory.
                new DecisionRecordActivitiesImpl(new InMemoryDecisionRecordStore(Clock.systemUTC())));
        factory.start();
    }

    private static PolicyVerdict runsOnItsOwn(PolicyRequest request) {
        ToolCall call = request.call();
        return new PolicyVerdict(
                Outcome.AUTO, "wires", "test", "", List.of(), ArgsDigest.of(call.tool(), call.args()), false);
    }

    /** Wires once, then finishes with the kinds of what it heard. */
    static final class WireOnceAgent implements AgentActivities {

        @Override
        public AgentStep nextStep(StepRequest request) {
            if (request.step() == 1) {
                return AgentStep.call(new ToolCall("wire_money", Map.of("amount", 900), "asked", 0.9, List.of()));
            }
            return AgentStep.finish("heard "
                    + request.entries().stream().map(TranscriptEntry::kind).toList());
        }
    }

    /**
     * Each time it is reached it writes a line, then it takes a minute. As a local tool it is
     * idempotent (the test reads its key from each line) and takes the minute only the first time.
     */
    static final class SlowWire implements Tool {

        private final Path reached;
        private final boolean local;

        SlowWire(Path reached, boolean local) {
            this.reached = reached;
            this.local = local;
        }

        @Override
        public String name() {
            return "wire_money";
        }

        @Override
        public ArgumentSchema schema() {
            return new ArgumentSchema(Map.of(), List.of(), true);
        }

        @Override
        public boolean idempotent() {
            return local;
        }

        @Override
        public boolean runsLocally() {
            return local;
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            try {
                boolean first = !Files.exists(reached);
                Files.writeString(
                        reached,
                        invocation.idempotencyKey() + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
                if (first || !local) {
                    new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("wired", true);
        }
    }
}
