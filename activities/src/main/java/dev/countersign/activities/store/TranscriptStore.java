package dev.countersign.activities.store;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import java.util.List;
import java.util.Map;

/**
 * Where the model activity keeps each task's conversation, so that the workflow sends only what is
 * new and a call retried on another worker after a crash sees the same conversation. Entries are
 * stored by position and never change: storing an entry at a position that holds one already keeps
 * the first, which makes every write idempotent per task and step. Conversations are keyed by task
 * id and first run id.
 */
public interface TranscriptStore {

    /** Stores the task's goal and input on its first model call; a second call keeps the first. */
    void begin(String taskId, String firstRunId, String agent, String goal, Map<String, Object> input);

    /**
     * Stores {@code entries} at positions {@code from}, {@code from + 1}, ...; positions already
     * held keep their entries.
     *
     * @throws TranscriptGap when the conversation is unknown or holds fewer than {@code from} entries
     */
    void append(String taskId, String firstRunId, int from, List<TranscriptEntry> entries);

    /**
     * The whole conversation as the agent model is given it.
     *
     * @throws TranscriptGap when the conversation is unknown
     */
    AgentRequest conversation(String taskId, String firstRunId);
}
