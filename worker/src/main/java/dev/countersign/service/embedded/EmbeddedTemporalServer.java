package dev.countersign.service.embedded;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, in this process, listening on loopback only, with time skipping
 * locked so timers run in real time as on a real server. State lives in memory and is lost when
 * the process ends. {@code TestServer.createPortBoundServer} would listen on every interface, and
 * an unauthenticated Temporal endpoint on the network would let anyone bypass the API's checks.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

    private final TestServicesStarter services;
    private final Server server;

    private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    public static EmbeddedTemporalServer start(int port) {
        TestServicesStarter services = new TestServicesStarter(true, 0);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
        HealthStatusManager health = new HealthStatusManager();
        for (BindableService service : services.getServices()) {
            builder.addService(service);
            health.setStatus(
                    service.bindService().getServiceDescriptor().getName(),
                    io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        }
        builder.addService(health.getHealthService());
        try {
            Server server = builder.build().start();
            log.warn(
                    "Embedded Temporal server on {}:{} keeps all state in memory only: every task and pending"
                            + " approval is lost when this process stops. Set TEMPORAL_ADDRESS to use a durable"
                            + " Temporal server (see README).",
                    address.getHostString(),
                    port);
            return new EmbeddedTemporalServer(services, server);
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException(
                    "cannot start the embedded Temporal server on " + address.getHostString() + ":" + port
                            + " (countersign.embedded-temporal.port); is the port in use?",
                    e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        services.close();
    }
}
