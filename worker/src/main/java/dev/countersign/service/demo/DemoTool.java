package dev.countersign.service.demo;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import java.util.List;

/**
 * What the demo shop's tools share: a name, what the tool does (for the model and the reviewer), an
 * argument schema and tags, fixed when they are built.
 */
abstract class DemoTool implements Tool {

    private final String name;
    private final String description;
    private final ArgumentSchema schema;
    private final List<String> tags;

    DemoTool(String name, String description, ArgumentSchema schema, String... tags) {
        this.name = name;
        this.description = description;
        this.schema = schema;
        this.tags = List.of(tags);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ArgumentSchema schema() {
        return schema;
    }

    @Override
    public final List<String> tags() {
        return tags;
    }
}
