package dev.countersign.activities.tool;

import dev.countersign.tool.ToolInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tool declared irreversible, seen with the tag that says so added to its own tags. */
final class IrreversibleTool implements Tool {

    private final Tool tool;

    private IrreversibleTool(Tool tool) {
        this.tool = tool;
    }

    static Tool tagged(Tool tool) {
        Compensation compensation = tool.compensation();
        if (compensation == null
                || !compensation.isIrreversible()
                || tool.tags().contains(Compensation.IRREVERSIBLE_TAG)) {
            return tool;
        }
        return new IrreversibleTool(tool);
    }

    static Tool declared(Tool tool) {
        return tool instanceof IrreversibleTool tagged ? tagged.tool : tool;
    }

    @Override
    public String name() {
        return tool.name();
    }

    @Override
    public String description() {
        return tool.description();
    }

    @Override
    public ArgumentSchema schema() {
        return tool.schema();
    }

    @Override
    public List<String> tags() {
        List<String> tags = new ArrayList<>(tool.tags());
        tags.add(Compensation.IRREVERSIBLE_TAG);
        return List.copyOf(tags);
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        return tool.execute(invocation);
    }

    @Override
    public Compensation compensation() {
        return tool.compensation();
    }
}
