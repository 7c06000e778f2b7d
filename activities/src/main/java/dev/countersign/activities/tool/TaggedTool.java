package dev.countersign.activities.tool;

import dev.countersign.tool.ToolInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool seen with the tags its declarations imply added to its own: {@value
 * Compensation#IRREVERSIBLE_TAG} when its compensation is irreversible, {@value
 * Tool#NOT_IDEMPOTENT_TAG} when it is not idempotent.
 */
final class TaggedTool implements Tool {

    private final Tool tool;
    private final List<String> tags;

    private TaggedTool(Tool tool, List<String> tags) {
        this.tool = tool;
        this.tags = tags;
    }

    static Tool tagged(Tool tool) {
        List<String> own = tool.tags() == null ? List.of() : tool.tags();
        List<String> tags = new ArrayList<>(own);
        Compensation compensation = tool.compensation();
        if (compensation != null && compensation.isIrreversible() && !tags.contains(Compensation.IRREVERSIBLE_TAG)) {
            tags.add(Compensation.IRREVERSIBLE_TAG);
        }
        if (!tool.idempotent() && !tags.contains(NOT_IDEMPOTENT_TAG)) {
            tags.add(NOT_IDEMPOTENT_TAG);
        }
        return tags.size() == own.size() ? tool : new TaggedTool(tool, List.copyOf(tags));
    }

    static Tool declared(Tool tool) {
        return tool instanceof TaggedTool tagged ? tagged.tool : tool;
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
    public Map<String, Object> jsonSchema() {
        return tool.jsonSchema();
    }

    @Override
    public List<String> violations(Map<String, Object> args) {
        return tool.violations(args);
    }

    @Override
    public Map<String, Object> normalized(Map<String, Object> args) {
        return tool.normalized(args);
    }

    @Override
    public Map<String, Object> annotations() {
        return tool.annotations();
    }

    @Override
    public Optional<String> preview(Map<String, Object> args) {
        return tool.preview(args);
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    @Override
    public boolean idempotent() {
        return tool.idempotent();
    }

    @Override
    public boolean runsLocally() {
        return tool.runsLocally();
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        return tool.execute(invocation);
    }

    @Override
    public Compensation compensation() {
        return tool.compensation();
    }

    @Override
    public String toString() {
        return tool.toString();
    }
}
