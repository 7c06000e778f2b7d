package dev.countersign.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.activities.store.ActionArchive;
import dev.countersign.activities.store.TranscriptGap;
import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.task.ActionView;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversations and archived actions in tables of the application's DataSource, which
 * {@link CountersignSchema} creates (H2 and PostgreSQL). Values are stored as JSON written the way Temporal's
 * default payload converter writes them, so they read back exactly as the workflow sent them. Use a
 * database as durable as the Temporal server: a task whose conversation the store forgot fails.
 *
 * <p>Writes run without a transaction, one statement each: an entry or a conversation is inserted
 * once by its primary key, and a worker that loses a race for the same key keeps the row the other
 * stored (PostgreSQL would abort a whole transaction on the duplicate key).
 */
public class JdbcTaskStore implements TranscriptStore, ActionArchive {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public JdbcTaskStore(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.json = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public void begin(String taskId, String firstRunId, String agent, String goal, Map<String, Object> input) {
        try {
            jdbc.sql("INSERT INTO countersign_conversation"
                            + " (task_id, first_run_id, agent, goal, input, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(taskId, firstRunId, agent, goal, input == null ? null : write(input), now())
                    .update();
        } catch (DuplicateKeyException begunAlready) {
            // A retried first call, or another worker's attempt at it: the first goal and input stay.
        }
    }

    @Override
    public void append(String taskId, String firstRunId, int from, List<TranscriptEntry> entries) {
        if (from < 0) {
            throw new IllegalArgumentException("a transcript position counts from 0, was " + from);
        }
        if (!begun(taskId, firstRunId)) {
            throw TranscriptGap.unknownConversation(taskId, firstRunId);
        }
        int held = held(taskId, firstRunId);
        if (from > held) {
            throw TranscriptGap.missingEntries(taskId, firstRunId, held, from);
        }
        for (int position = held; position < from + entries.size(); position++) {
            insertIfAbsent(taskId, firstRunId, position, entries.get(position - from));
        }
    }

    private boolean begun(String taskId, String firstRunId) {
        return jdbc.sql("SELECT COUNT(*) FROM countersign_conversation WHERE task_id = ? AND first_run_id = ?")
                        .params(taskId, firstRunId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** How many entries the conversation holds: positions are stored without gaps from 0. */
    private int held(String taskId, String firstRunId) {
        return jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM countersign_transcript_entry"
                        + " WHERE task_id = ? AND first_run_id = ?")
                .params(taskId, firstRunId)
                .query(Integer.class)
                .single();
    }

    private void insertIfAbsent(String taskId, String firstRunId, int position, TranscriptEntry entry) {
        try {
            jdbc.sql("INSERT INTO countersign_transcript_entry (task_id, first_run_id, position, entry)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(taskId, firstRunId, position, write(entry))
                    .update();
        } catch (DuplicateKeyException storedByAnotherWorker) {
            // The same step appended at once by a retry on another worker: the first copy stays.
        }
    }

    @Override
    public AgentRequest conversation(String taskId, String firstRunId) {
        StoredConversation conversation = jdbc.sql("SELECT agent, goal, input FROM countersign_conversation"
                        + " WHERE task_id = ? AND first_run_id = ?")
                .params(taskId, firstRunId)
                .query((rs, row) ->
                        new StoredConversation(rs.getString("agent"), rs.getString("goal"), rs.getString("input")))
                .optional()
                .orElseThrow(() -> TranscriptGap.unknownConversation(taskId, firstRunId));
        List<TranscriptEntry> transcript = jdbc.sql("SELECT entry FROM countersign_transcript_entry"
                        + " WHERE task_id = ? AND first_run_id = ? ORDER BY position")
                .params(taskId, firstRunId)
                .query((rs, row) -> read(rs.getString("entry"), TranscriptEntry.class))
                .list();
        Map<String, Object> input = conversation.input() == null ? null : readObject(conversation.input());
        return new AgentRequest(taskId, conversation.agent(), conversation.goal(), input, transcript);
    }

    @Override
    public void archive(String taskId, String firstRunId, List<ActionView> actions) {
        actions.forEach(action -> ActionArchive.actionNumber(action.actionId()));
        for (ActionView action : actions) {
            String view = write(action);
            OffsetDateTime now = now();
            try {
                jdbc.sql("INSERT INTO countersign_archived_action"
                                + " (task_id, first_run_id, action_id, action_number, view_json, archived_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(
                                taskId,
                                firstRunId,
                                action.actionId(),
                                ActionArchive.actionNumber(action.actionId()),
                                view,
                                now)
                        .update();
            } catch (DuplicateKeyException archivedBefore) {
                // Archived again (a rollback changed it, or a retry): rows are never deleted, so this finds it.
                jdbc.sql("UPDATE countersign_archived_action SET view_json = ?, archived_at = ?"
                                + " WHERE task_id = ? AND first_run_id = ? AND action_id = ?")
                        .params(view, now, taskId, firstRunId, action.actionId())
                        .update();
            }
        }
    }

    @Override
    public Optional<ActionView> find(String taskId, String firstRunId, String actionId) {
        return jdbc.sql("SELECT view_json FROM countersign_archived_action"
                        + " WHERE task_id = ? AND first_run_id = ? AND action_id = ?")
                .params(taskId, firstRunId, actionId)
                .query((rs, row) -> read(rs.getString("view_json"), ActionView.class))
                .optional();
    }

    @Override
    public List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a page's limit cannot be negative, was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT view_json FROM countersign_archived_action"
                        + " WHERE task_id = ? AND first_run_id = ? AND action_number > ?"
                        + " ORDER BY action_number, action_id FETCH FIRST ? ROWS ONLY")
                .params(taskId, firstRunId, afterNumber, limit)
                .query((rs, row) -> read(rs.getString("view_json"), ActionView.class))
                .list();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not readable JSON", e);
        }
    }

    private Map<String, Object> readObject(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored task input is not readable JSON", e);
        }
    }

    private record StoredConversation(String agent, String goal, String input) {}
}
