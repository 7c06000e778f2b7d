package dev.countersign.record;

import dev.countersign.store.CountersignSchema;
import dev.countersign.task.ActionIds;
import dev.countersign.task.DecisionEvent;
import dev.countersign.task.DecisionRecordRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision record in the {@code countersign_decision_record} table of the application's database
 * ({@link CountersignSchema} migrates it). Each row is inserted on its own, without a transaction: a
 * copy already there (a retry, a new run sending a carried action again, a rebuild) fails on the
 * primary key and is ignored, which H2 and PostgreSQL both do the same way.
 */
public class JdbcDecisionRecordStore implements DecisionRecordStore {

    private static final String COLUMNS = "task_id, action_id, event_key, kind, happened_at, requester, agent, tool,"
            + " outcome, rule_name, policy_hash, args_digest, previous_args_digest, decided_by, comment_text,"
            + " shadow_rule, shadow_outcome";

    /** How many task ids one query names at most. */
    private static final int IDS_A_QUERY = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcDecisionRecordStore(CountersignSchema schema, Clock clock) {
        this.jdbc = JdbcClient.create(schema.dataSource());
        this.clock = clock;
    }

    @Override
    public int record(List<DecisionRecordRow> rows) {
        int added = 0;
        for (DecisionRecordRow row : rows) {
            try {
                jdbc.sql("INSERT INTO countersign_decision_record (" + COLUMNS + ", action_number, recorded_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                row.taskId(),
                                row.actionId(),
                                row.eventKey(),
                                row.kind().wireName(),
                                utc(row.at() == null ? clock.instant() : row.at()),
                                row.requester(),
                                row.agent(),
                                row.tool(),
                                row.outcome(),
                                row.rule(),
                                row.policyHash(),
                                row.argsDigest(),
                                row.previousArgsDigest(),
                                row.by(),
                                row.comment(),
                                row.shadowRule(),
                                row.shadowOutcome(),
                                ActionIds.isActionId(row.actionId()) ? ActionIds.number(row.actionId()) : 0,
                                utc(clock.instant()))
                        .update();
                added++;
            } catch (DuplicateKeyException storedBefore) {
                // The first copy stays: a row says what happened when it happened.
            }
        }
        return added;
    }

    @Override
    public List<DecisionRecordRow> rowsOf(Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        List<DecisionRecordRow> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_A_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_A_QUERY));
            rows.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM countersign_decision_record WHERE task_id IN (:ids)"
                            + " ORDER BY task_id, action_number, happened_at, event_key")
                    .param("ids", some)
                    .query(JdbcDecisionRecordStore::row)
                    .list());
        }
        return rows;
    }

    @Override
    public int countRowsOf(Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        long count = 0;
        for (int from = 0; from < ids.size(); from += IDS_A_QUERY) {
            count += jdbc.sql("SELECT COUNT(*) FROM countersign_decision_record WHERE task_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_A_QUERY)))
                    .query(Long.class)
                    .single();
        }
        return Math.toIntExact(count);
    }

    @Override
    public List<String> newestTasks(Instant since, int limit) {
        return jdbc.sql("SELECT task_id FROM countersign_decision_record GROUP BY task_id"
                        + " HAVING MIN(happened_at) >= ? ORDER BY MIN(happened_at) DESC, task_id"
                        + " FETCH FIRST ? ROWS ONLY")
                .params(utc(since == null ? Instant.EPOCH : since), limit)
                .query(String.class)
                .list();
    }

    @Override
    public List<String> taskIds() {
        return jdbc.sql("SELECT DISTINCT task_id FROM countersign_decision_record ORDER BY task_id")
                .query(String.class)
                .list();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM countersign_decision_record WHERE happened_at < ?")
                .params(utc(cutoff))
                .update();
    }

    private static DecisionRecordRow row(ResultSet rs, int number) throws SQLException {
        return new DecisionRecordRow(
                rs.getString("task_id"),
                rs.getString("action_id"),
                rs.getString("event_key"),
                DecisionEvent.fromWire(rs.getString("kind")),
                rs.getObject("happened_at", OffsetDateTime.class).toInstant(),
                rs.getString("requester"),
                rs.getString("agent"),
                rs.getString("tool"),
                rs.getString("outcome"),
                rs.getString("rule_name"),
                rs.getString("policy_hash"),
                rs.getString("args_digest"),
                rs.getString("previous_args_digest"),
                rs.getString("decided_by"),
                rs.getString("comment_text"),
                rs.getString("shadow_rule"),
                rs.getString("shadow_outcome"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
