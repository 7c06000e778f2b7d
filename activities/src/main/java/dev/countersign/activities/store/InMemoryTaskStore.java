package dev.countersign.activities.store;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.JsonValues;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.task.ActionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversations and archived actions in this process's memory, for tests and for a starter without
 * a DataSource. They are lost when the process stops, while Temporal remembers the tasks: a task
 * that runs on afterwards fails with a {@link TranscriptGap}, so use it only with a Temporal server
 * that forgets as well (a test environment, an embedded dev server).
 */
public class InMemoryTaskStore implements TranscriptStore, ActionArchive {

    private final Map<TaskKey, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<TaskKey, NavigableMap<Long, ActionView>> archives = new ConcurrentHashMap<>();

    @Override
    public void begin(String taskId, String firstRunId, String agent, String goal, Map<String, Object> input) {
        conversations.putIfAbsent(new TaskKey(taskId, firstRunId), new Conversation(agent, goal, input));
    }

    @Override
    public void append(String taskId, String firstRunId, int from, List<TranscriptEntry> entries) {
        if (from < 0) {
            throw new IllegalArgumentException("a transcript position counts from 0, was " + from);
        }
        conversation(new TaskKey(taskId, firstRunId)).append(taskId, firstRunId, from, entries);
    }

    @Override
    public AgentRequest conversation(String taskId, String firstRunId) {
        return conversation(new TaskKey(taskId, firstRunId)).request(taskId);
    }

    private Conversation conversation(TaskKey key) {
        Conversation conversation = conversations.get(key);
        if (conversation == null) {
            throw TranscriptGap.unknownConversation(key.taskId(), key.firstRunId());
        }
        return conversation;
    }

    @Override
    public void archive(String taskId, String firstRunId, List<ActionView> actions) {
        List<ActionView> checked = List.copyOf(actions);
        checked.forEach(action -> ActionArchive.actionNumber(action.actionId()));
        NavigableMap<Long, ActionView> archive =
                archives.computeIfAbsent(new TaskKey(taskId, firstRunId), key -> new TreeMap<>());
        synchronized (archive) {
            checked.forEach(action -> archive.put(ActionArchive.actionNumber(action.actionId()), action));
        }
    }

    @Override
    public Optional<ActionView> find(String taskId, String firstRunId, String actionId) {
        NavigableMap<Long, ActionView> archive = archives.get(new TaskKey(taskId, firstRunId));
        long number;
        try {
            number = ActionArchive.actionNumber(actionId);
        } catch (IllegalArgumentException notAnActionId) {
            return Optional.empty(); // never archived: archive() refuses such ids
        }
        if (archive == null) {
            return Optional.empty();
        }
        synchronized (archive) {
            return Optional.ofNullable(archive.get(number));
        }
    }

    @Override
    public List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a page's limit cannot be negative, was " + limit);
        }
        NavigableMap<Long, ActionView> archive = archives.get(new TaskKey(taskId, firstRunId));
        if (archive == null) {
            return List.of();
        }
        synchronized (archive) {
            return archive.tailMap(afterNumber, false).values().stream()
                    .limit(limit)
                    .toList();
        }
    }

    private record TaskKey(String taskId, String firstRunId) {}

    /** One task's goal, input and entries; its entries are read and written under its own lock. */
    private static final class Conversation {

        private final String agent;
        private final String goal;
        private final Map<String, Object> input;
        private final List<TranscriptEntry> entries = new ArrayList<>();

        Conversation(String agent, String goal, Map<String, Object> input) {
            this.agent = agent;
            this.goal = goal;
            this.input = input == null ? null : JsonValues.immutableCopy(input);
        }

        synchronized void append(String taskId, String firstRunId, int from, List<TranscriptEntry> added) {
            if (from > entries.size()) {
                throw TranscriptGap.missingEntries(taskId, firstRunId, entries.size(), from);
            }
            // Positions already held keep their entries: a retried step stores nothing twice.
            for (int i = entries.size() - from; i < added.size(); i++) {
                entries.add(added.get(i));
            }
        }

        synchronized AgentRequest request(String taskId) {
            return new AgentRequest(taskId, agent, goal, input, entries);
        }
    }
}
