package dev.countersign.agent;

import java.util.List;
import java.util.Map;

/** Everything the agent model is given to choose its next step. */
public record AgentRequest(
        String taskId, String agent, String goal, Map<String, Object> input, List<TranscriptEntry> transcript) {

    public AgentRequest {
        input = input == null ? Map.of() : JsonValues.immutableCopy(input);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
