package dev.countersign.agent;

/**
 * The agent model's answer to "what next?": exactly one of a tool call, a question for a person,
 * or the end of the task with a summary.
 */
public record AgentStep(StepKind kind, ToolCall toolCall, Question question, String summary) {

    public AgentStep {
        if (kind == null) {
            throw new IllegalArgumentException("an agent step needs a kind");
        }
        if (kind == StepKind.TOOL_CALL && toolCall == null) {
            throw new IllegalArgumentException("a TOOL_CALL step needs a tool call");
        }
        if (kind == StepKind.QUESTION && question == null) {
            throw new IllegalArgumentException("a QUESTION step needs a question");
        }
    }

    public static AgentStep call(ToolCall toolCall) {
        return new AgentStep(StepKind.TOOL_CALL, toolCall, null, null);
    }

    public static AgentStep ask(Question question) {
        return new AgentStep(StepKind.QUESTION, null, question, null);
    }

    public static AgentStep finish(String summary) {
        return new AgentStep(StepKind.FINISH, null, null, summary == null ? "" : summary);
    }
}
