package dev.countersign.service.acceptance;

import dev.countersign.service.CountersignApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole service once, as it ships: the embedded Temporal server on a free loopback port,
 * the Countersign worker, the REST API with its security, the demo agent and its H2 ledger; only
 * the demo's order lookup answers about 3 MB for order {@value HugeResultTool#ORDER} ({@link
 * HugeResultTool}). Every
 * acceptance test class extends this one and adds nothing to the configuration, so Spring's context
 * cache gives all of them the same running service; tests keep apart by unique task ids.
 */
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("acceptance")
@Import(HugeResultTool.Wiring.class)
abstract class AcceptanceTest {

    @LocalServerPort
    int port;

    ApiClient anonymous;
    SupportDesk desk;

    @DynamicPropertySource
    static void ownTemporalServerAndLedger(DynamicPropertyRegistry registry) {
        int temporalPort = freeLoopbackPort();
        String database = "jdbc:h2:mem:acceptance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> database);
        // The embedded server stays off when TEMPORAL_ADDRESS is set; the suite never uses an outside server.
        registry.add("TEMPORAL_ADDRESS", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void connect() {
        anonymous = ApiClient.anonymous(port);
        desk = new SupportDesk(anonymous);
    }

    /**
     * The refund tool never refunds an order beyond its total, and the tests share one ledger and
     * refund the same seeded orders, so each starts as if the shop had refunded nothing yet.
     */
    @BeforeEach
    void noRefundsYet() {
        JdbcClient.create(dataSource).sql("DELETE FROM refunds").update();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Temporal server", e);
        }
    }
}
