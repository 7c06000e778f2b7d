package dev.countersign.agent;

/** What the agent wants to do next. */
public enum StepKind {
    TOOL_CALL,
    QUESTION,
    FINISH
}
