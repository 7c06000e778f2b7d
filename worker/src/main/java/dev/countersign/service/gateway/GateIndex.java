package dev.countersign.service.gateway;

import dev.countersign.payload.Digests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's gates in a table of the application's DataSource (created by CountersignSchema's
 * migrations, on H2 or PostgreSQL), so any replica finds the gate of a repeated call. A gate is open while
 * it answers identical calls: at most one per call key, held by a unique column that is cleared when
 * the gate closes, so concurrent identical calls attach to one gate.
 */
final class GateIndex {

    private static final String COLUMNS =
            "gate_id, call_key, requester, tool, args_digest, task_id, action_id, created_at, collected_at";

    private final JdbcClient jdbc;

    GateIndex(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The key of a call: the same requester calling the same tool with arguments of the same digest. */
    static String callKey(String requester, String tool, String argsDigest) {
        return Digests.sha256Hex(requester + "\n" + tool + "\n" + argsDigest);
    }

    /** The open gate of the call, if any. */
    Optional<Gate> open(String callKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM countersign_gateway_gate WHERE open_key = ?")
                .param(callKey)
                .query(GateIndex::gate)
                .optional();
    }

    /**
     * The open gate of the call: the one there is, or a new one for {@code taskId} when there is none;
     * of two replicas opening one at once, one inserts and the other reads it.
     */
    Gate openOrAttach(String requester, String tool, String argsDigest, String taskId, Instant now) {
        String key = callKey(requester, tool, argsDigest);
        while (true) {
            Optional<Gate> existing = open(key);
            if (existing.isPresent()) {
                return existing.get();
            }
            Gate gate =
                    new Gate(UUID.randomUUID().toString(), key, requester, tool, argsDigest, taskId, null, now, null);
            try {
                jdbc.sql("INSERT INTO countersign_gateway_gate (" + COLUMNS + ", open_key)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(gate.gateId(), key, requester, tool, argsDigest, taskId, null, at(now), null, key)
                        .update();
                return gate;
            } catch (DuplicateKeyException raced) {
                // Another caller opened it first: attach to theirs.
            }
        }
    }

    /** Records which action of its task holds the gate's call. */
    void submitted(Gate gate, String actionId) {
        jdbc.sql("UPDATE countersign_gateway_gate SET action_id = ? WHERE gate_id = ?")
                .params(actionId, gate.gateId())
                .update();
    }

    /** Records when the gate's outcome was first handed back; later calls keep the first time. */
    void collected(Gate gate, Instant now) {
        jdbc.sql("UPDATE countersign_gateway_gate SET collected_at = ? WHERE gate_id = ? AND collected_at IS NULL")
                .params(at(now), gate.gateId())
                .update();
    }

    /** Closes the gate: an identical call from now on opens a new one. */
    void close(Gate gate) {
        jdbc.sql("UPDATE countersign_gateway_gate SET open_key = NULL WHERE gate_id = ?")
                .param(gate.gateId())
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Gate gate(ResultSet row, int number) throws SQLException {
        OffsetDateTime collected = row.getObject("collected_at", OffsetDateTime.class);
        return new Gate(
                row.getString("gate_id"),
                row.getString("call_key"),
                row.getString("requester"),
                row.getString("tool"),
                row.getString("args_digest"),
                row.getString("task_id"),
                row.getString("action_id"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                collected == null ? null : collected.toInstant());
    }
}
