package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar's operator calls carry the client's credentials, as Temporal Cloud requires. */
class SearchAttributeRegistrarCredentialsTest {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private Server server;
    private WorkflowServiceStubs stubs;

    @AfterEach
    void stop() {
        if (stubs != null) {
            stubs.shutdownNow();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void operatorCallsSendTheApiKey() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(ServerInterceptors.intercept(new RefusingOperatorService(), new RecordAuthorization()))
                .build()
                .start();
        // As the Spring Boot starter configures it: a target, not a channel.
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + server.getPort())
                .addApiKey(() -> "the-api-key")
                .setEnableHttps(false) // an API key turns TLS on by default; this test server speaks plaintext
                .build());
        WorkflowClient client = WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder().setNamespace("payments").build());

        assertThatThrownBy(() -> new SearchAttributeRegistrar(client).register())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not registered on namespace 'payments'")
                .hasMessageContaining("PERMISSION_DENIED");
        assertThat(authorizations).isNotEmpty().allMatch("Bearer the-api-key"::equals);
    }

    private final class RecordAuthorization implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
            return next.startCall(call, headers);
        }
    }

    /** Refuses every operator call, as a server that lets no one register attributes would. */
    private static final class RefusingOperatorService extends OperatorServiceGrpc.OperatorServiceImplBase {

        @Override
        public void addSearchAttributes(
                io.temporal.api.operatorservice.v1.AddSearchAttributesRequest request,
                io.grpc.stub.StreamObserver<io.temporal.api.operatorservice.v1.AddSearchAttributesResponse> response) {
            response.onError(Status.PERMISSION_DENIED.asRuntimeException());
        }

        @Override
        public void listSearchAttributes(
                io.temporal.api.operatorservice.v1.ListSearchAttributesRequest request,
                io.grpc.stub.StreamObserver<io.temporal.api.operatorservice.v1.ListSearchAttributesResponse> response) {
            response.onError(Status.PERMISSION_DENIED.asRuntimeException());
        }
    }
}
