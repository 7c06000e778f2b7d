package dev.countersign.bench;

import dev.countersign.bench.bare.BareGate;
import dev.countersign.bench.bare.BareGateImpl;
import dev.countersign.bench.bare.BareGateInput;
import dev.countersign.bench.bare.TouchActivityImpl;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingWorkflowTaskInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bare Temporal gate in the bench JVM, on the same server and namespace as Countersign, each
 * variant on a task queue of its own; its activity calls the bench's MCP tool with the MCP Java SDK.
 */
final class BareTemporal implements AutoCloseable {

    static final String NAMESPACE = "default";

    private final WorkflowServiceStubs service;
    private final WorkflowClient client;
    private final McpSyncClient mcp;
    private final List<WorkerFactory> factories = new ArrayList<>();

    private BareTemporal(WorkflowServiceStubs service, WorkflowClient client, McpSyncClient mcp) {
        this.service = service;
        this.client = client;
        this.mcp = mcp;
    }

    static BareTemporal start(String address, String mcpBase) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        WorkflowClient client = WorkflowClient.newInstance(
                service,
                WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
        McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(mcpBase)
                        .endpoint(TouchServer.ENDPOINT)
                        .jsonMapper(McpJsonDefaults.getMapper())
                        .connectTimeout(Duration.ofSeconds(30))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        mcp.initialize();
        BareTemporal bare = new BareTemporal(service, client, mcp);
        WorkerFactory cached = WorkerFactory.newInstance(client);
        bare.register(cached, BareVariant.EAGER, WorkerOptions.newBuilder().build());
        bare.register(
                cached,
                BareVariant.NO_EAGER,
                WorkerOptions.newBuilder().setDisableEagerExecution(true).build());
        WorkerFactory uncached = WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build());
        bare.register(
                uncached, BareVariant.NO_STICKY, WorkerOptions.newBuilder().build());
        bare.factories.add(cached);
        bare.factories.add(uncached);
        bare.factories.forEach(WorkerFactory::start);
        return bare;
    }

    WorkflowClient client() {
        return client;
    }

    /** The default workflow cache size of a WorkerFactory, the one the baseline runs with. */
    static int defaultCacheSize() {
        return WorkerFactoryOptions.newBuilder().validateAndBuildWithDefaults().getWorkflowCacheSize();
    }

    private void register(WorkerFactory factory, String taskQueue, WorkerOptions options) {
        Worker worker = factory.newWorker(taskQueue, options);
        worker.registerWorkflowImplementationTypes(BareGateImpl.class);
        worker.registerActivitiesImplementations(new TouchActivityImpl(mcp));
    }

    GateSystem gates(BareVariant variant) {
        return new GateSystem() {
            @Override
            public String name() {
                return variant.name();
            }

            @Override
            public List<Gate> prepare(String prefix, int count) {
                List<Gate> gates = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String id = prefix + "-" + i;
                    BareGate gate = client.newWorkflowStub(
                            BareGate.class,
                            WorkflowOptions.newBuilder()
                                    .setTaskQueue(variant.taskQueue())
                                    .setWorkflowId(id)
                                    .build());
                    WorkflowClient.start(
                            gate::run,
                            new BareGateInput(
                                    id, variant.local(), variant.heartbeatFirst(), variant.countersignShaped()));
                    gates.add(Gate.bare(id));
                }
                gates.forEach(gate -> awaitFirstWorkflowTask(gate.id()));
                return gates;
            }

            @Override
            public void awaitSettled(List<Gate> gates) {
                for (Gate gate : gates) {
                    try {
                        client.newUntypedWorkflowStub(gate.id()).getResult(2, TimeUnit.MINUTES, Void.class);
                    } catch (TimeoutException e) {
                        throw new IllegalStateException("workflow " + gate.id() + " did not complete", e);
                    }
                }
            }

            @Override
            public void decide(Gate gate) {
                WorkflowStub stub = client.newUntypedWorkflowStub(gate.id());
                WorkflowUpdateHandle<String> handle = stub.startUpdate(
                        UpdateOptions.newBuilder(String.class)
                                .setUpdateName("decide")
                                .setUpdateId(UUID.randomUUID().toString())
                                .setWaitForStage(variant.ackStage())
                                .build(),
                        "approve");
                if (variant.ackStage() == WorkflowUpdateStage.COMPLETED && !"approve".equals(handle.getResult())) {
                    throw new IllegalStateException("the update of " + gate.id() + " answered otherwise");
                }
            }
        };
    }

    /** Waits until the workflow ran its first workflow task, so it waits for the decision. */
    private void awaitFirstWorkflowTask(String workflowId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var described = service.blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(NAMESPACE)
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                            .build());
            if (!described.hasPendingWorkflowTask()
                    || described.getPendingWorkflowTask().equals(PendingWorkflowTaskInfo.getDefaultInstance())) {
                return;
            }
            Pause.millis(10);
        }
        throw new IllegalStateException("workflow " + workflowId + " did not run its first workflow task");
    }

    @Override
    public void close() {
        factories.forEach(WorkerFactory::shutdownNow);
        mcp.closeGracefully();
        service.shutdownNow();
    }
}
