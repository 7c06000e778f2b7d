package dev.countersign.activities.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Turns a task's conversation into chat messages as OpenAI requires them: the instructions, the goal
 * and input, then each entry about a call as an assistant message with that call directly answered
 * by a tool message naming its id, so every tool_call_id is answered; guidance and answers from
 * people become user messages.
 */
final class ConversationMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationMessages() {}

    static List<Message> of(String instructions, AgentRequest request) {
        List<Message> messages = new ArrayList<>();
        if (!instructions.isBlank()) {
            messages.add(new SystemMessage(instructions));
        }
        messages.add(new UserMessage(firstMessage(request.goal(), request.input())));
        Set<String> usedIds = new HashSet<>();
        int position = 0;
        for (TranscriptEntry entry : request.transcript()) {
            position++;
            if (entry.call() != null && answersACall(entry)) {
                String id = callId(entry, position, usedIds);
                messages.add(assistantCalling(entry.call(), id));
                messages.add(ToolResponseMessage.builder()
                        .responses(List.of(new ToolResponseMessage.ToolResponse(
                                id, entry.call().tool(), toolAnswer(entry))))
                        .build());
            } else {
                messages.add(new UserMessage(personSaid(entry)));
            }
        }
        return messages;
    }

    private static boolean answersACall(TranscriptEntry entry) {
        return switch (entry.kind()) {
            case TOOL_RESULT, TOOL_FAILED, REJECTED, CHANGES_REQUESTED, TIMED_OUT, DENIED, ANSWER -> true;
            case GUIDANCE -> false;
        };
    }

    private static String firstMessage(String goal, Map<String, Object> input) {
        String text = goal == null ? "" : goal;
        return input.isEmpty() ? text : text + "\n\nInput (JSON):\n" + json(input);
    }

    /** The model's own id when it gave one not used before, else one made from the action id. */
    private static String callId(TranscriptEntry entry, int position, Set<String> usedIds) {
        String id = entry.call().id();
        if (id == null || id.isBlank() || usedIds.contains(id)) {
            id = "call_" + (entry.actionId() == null ? "entry" + position : entry.actionId());
        }
        while (!usedIds.add(id)) {
            id = id + "_" + position;
        }
        return id;
    }

    private static AssistantMessage assistantCalling(ToolCall call, String id) {
        return AssistantMessage.builder()
                .content(call.rationale().isBlank() ? null : call.rationale())
                .toolCalls(List.of(new AssistantMessage.ToolCall(id, "function", call.tool(), json(call.args()))))
                .build();
    }

    private static String toolAnswer(TranscriptEntry entry) {
        String text = entry.text() == null || entry.text().isBlank() ? "no reason given" : entry.text();
        return switch (entry.kind()) {
            case TOOL_RESULT -> json(entry.result() == null ? Map.of() : entry.result());
            case TOOL_FAILED -> "the tool failed: " + text;
            case REJECTED -> "rejected by " + who(entry) + ": " + text;
            case CHANGES_REQUESTED -> "the reviewer " + who(entry) + " asked for changes: " + text;
            case TIMED_OUT -> "nobody decided in time, so the call did not run: " + text;
            case DENIED -> "denied by policy, so the call did not run: " + text;
            case ANSWER -> who(entry) + " answered: " + text;
            case GUIDANCE -> text;
        };
    }

    private static String personSaid(TranscriptEntry entry) {
        String text = entry.text() == null ? "" : entry.text();
        return switch (entry.kind()) {
            case GUIDANCE -> "Guidance from " + who(entry) + ": " + text;
            case ANSWER -> who(entry) + " answered: " + text;
            default -> entry.kind() + ": " + text;
        };
    }

    private static String who(TranscriptEntry entry) {
        return entry.by() == null || entry.by().isBlank() ? "a reviewer" : entry.by();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
