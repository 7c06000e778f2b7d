package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listings read tasks at most {@code parallelism} at once, each query bounded by the deadline on
 * its gRPC call, and through the main client's interceptors (its credentials and headers).
 */
class ListingReadsAreBoundedTest {

    private final QueriesInFlight queries = new QueriesInFlight();
    private final ListingFixture fixture;

    ListingReadsAreBoundedTest() {
        fixture = new ListingFixture(Duration.ofMillis(400), 3);
        WorkflowServiceStubs main = fixture.env.getWorkflowServiceStubs();
        WorkflowServiceStubs intercepted =
                WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder(main.getOptions())
                        .setGrpcClientInterceptors(List.of(queries))
                        .build());
        bounded = TaskReads.on(
                WorkflowClient.newInstance(intercepted, fixture.client().getOptions()),
                new ListingProperties(Duration.ofMillis(400), 3),
                fixture.failures);
    }

    private final TaskReads bounded;

    @AfterEach
    void close() {
        bounded.close();
        fixture.close();
    }

    @Test
    void atMostParallelismTasksAreReadAtOnce() {
        List<String> ids = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7");
        ids.forEach(id -> fixture.start(ListingFixture.SILENT, id));

        List<TaskRead> read = bounded.readAll(ids);

        assertThat(read).extracting(TaskRead::taskId).containsExactlyElementsOf(ids);
        assertThat(read)
                .allSatisfy(task -> assertThat(task.unreadable().failure()).isEqualTo(ReadFailure.TIMEOUT));
        assertThat(queries.started.get()).as("one query per task, no retries").isEqualTo(ids.size());
        assertThat(queries.maximum.get()).isEqualTo(3);
        assertThat(queries.deadlineExceeded.get()).isEqualTo(ids.size());
    }

    /** Counts QueryWorkflow calls in flight and how they ended. */
    private static final class QueriesInFlight implements ClientInterceptor {

        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maximum = new AtomicInteger();
        final AtomicInteger deadlineExceeded = new AtomicInteger();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            ClientCall<Q, R> call = next.newCall(method, options);
            if (!method.getFullMethodName().endsWith("/QueryWorkflow")) {
                return call;
            }
            return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    started.incrementAndGet();
                    maximum.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    super.start(
                            new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                                @Override
                                public void onClose(Status status, Metadata trailers) {
                                    inFlight.decrementAndGet();
                                    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                                        deadlineExceeded.incrementAndGet();
                                    }
                                    super.onClose(status, trailers);
                                }
                            },
                            headers);
                }
            };
        }
    }
}
