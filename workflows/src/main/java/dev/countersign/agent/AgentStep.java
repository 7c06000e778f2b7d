package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;

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

    /** This step with its texts and arguments cut visibly to fit in maxBytes (see {@link PayloadBounds}). */
    public AgentStep within(int maxBytes) {
        return new AgentStep(
                kind,
                toolCall == null ? null : toolCall.within(maxBytes),
                question == null
                        ? null
                        : new Question(
                                PayloadBounds.text(question.text(), maxBytes / 2),
                                PayloadBounds.texts(question.options(), maxBytes / 2)),
                PayloadBounds.text(summary, maxBytes));
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
