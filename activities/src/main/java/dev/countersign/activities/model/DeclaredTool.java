package dev.countersign.activities.model;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A tool offered to the model by its definition only. Spring AI 2.0 takes tool definitions from the
 * options' ToolCallbacks, and {@code ChatModel.call} never executes them; this one refuses to run
 * all the same, since Countersign runs tools only in its tool activity, after policy and approval.
 */
record DeclaredTool(ToolDefinition definition) implements ToolCallback {

    @Override
    public ToolDefinition getToolDefinition() {
        return definition;
    }

    @Override
    public String call(String toolInput) {
        throw new UnsupportedOperationException("the tool '" + definition.name()
                + "' runs only in Countersign's tool activity, never from the model adapter");
    }
}
