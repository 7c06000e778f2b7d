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
 * A task worker in its own process for {@link NonIdempotentToolKilledMidCallIT}: the task workflow
 * and the real tool activity, with {@code wire_money}, a tool that is not idempotent, writes a line
 * to a file each time it is reached and then takes a minute; an agent that wires once and then
 * finishes saying what it heard; a policy that lets the wire run on its own.
 * Arguments: the Temporal address and the file.
 */
public final class OnceOnlyWorker {

    private OnceOnlyWorker() {}

    public static void main(String[] args) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build());
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        Worker worker = factory.newWorker(AgentTaskWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                new WireOnceAgent(),
                (PolicyActivities) OnceOnlyWorker::runsOnItsOwn,
                new ToolActivitiesImpl(new ToolRegistry(List.of(new SlowWire(Path.of(args[1]))))),
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

    /** Not idempotent: each time it is reached it writes a line, then it takes a minute. */
    static final class SlowWire implements Tool {

        private final Path reached;

        SlowWire(Path reached) {
            this.reached = reached;
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
            return false;
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            try {
                Files.writeString(
                        reached,
                        invocation.idempotencyKey() + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
                new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("wired", true);
        }
    }
}
