package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.AtOnce;
import dev.countersign.service.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The gate index that every replica shares: one open gate per call, however many replicas open it at once. */
class GateIndexKeepsOneOpenGatePerCallTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final DataSource database = database();
    private final GateIndex index = new GateIndex(database);

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return TestDatabase.freshH2();
    }

    @Test
    void replicasOpeningTheSameCallAtOnceAttachToOneGate() throws Exception {
        List<Gate> gates = AtOnce.run(6, i -> {
            GateIndex replica = new GateIndex(database);
            return () -> replica.openOrAttach("agent-1", "refund", "sha256:ab", "task-" + i, NOW);
        });

        Gate open =
                index.open(GateIndex.callKey("agent-1", "refund", "sha256:ab")).orElseThrow();
        assertThat(gates).extracting(Gate::gateId).containsOnly(open.gateId());
        assertThat(gates).extracting(Gate::taskId).containsOnly(open.taskId());
    }

    @Test
    void aClosedGateLetsTheSameCallOpenANewOne() {
        Gate first = index.openOrAttach("agent-1", "refund", "sha256:ab", "task-1", NOW);

        index.close(first);
        Gate second = index.openOrAttach("agent-1", "refund", "sha256:ab", "task-2", NOW);

        assertThat(second.gateId()).isNotEqualTo(first.gateId());
        assertThat(second.taskId()).isEqualTo("task-2");
    }

    @Test
    void anotherCallerOrOtherArgumentsOpenTheirOwnGate() {
        Gate mine = index.openOrAttach("agent-1", "refund", "sha256:ab", "task-1", NOW);

        assertThat(index.openOrAttach("agent-2", "refund", "sha256:ab", "task-2", NOW)
                        .gateId())
                .isNotEqualTo(mine.gateId());
        assertThat(index.openOrAttach("agent-1", "refund", "sha256:cd", "task-3", NOW)
                        .gateId())
                .isNotEqualTo(mine.gateId());
    }

    @Test
    void theActionAndTheFirstCollectionAreRecorded() {
        Gate gate = index.openOrAttach("agent-1", "refund", "sha256:ab", "task-1", NOW);

        index.submitted(gate, "a3");
        index.collected(gate, NOW.plusSeconds(5));
        index.collected(gate, NOW.plusSeconds(9));

        Gate stored = index.open(gate.callKey()).orElseThrow();
        assertThat(stored.actionId()).isEqualTo("a3");
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.collectedAt()).isEqualTo(NOW.plusSeconds(5));
    }
}
