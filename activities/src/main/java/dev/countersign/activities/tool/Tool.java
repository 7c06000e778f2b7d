package dev.countersign.activities.tool;

import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;

/**
 * A tool the agent may call. Register one as a Spring bean and the starter puts it in the
 * ToolRegistry. {@link #execute} must be idempotent for a given
 * {@link ToolInvocation#idempotencyKey()}: a retry after a crash passes the same key. A tool that
 * can be undone declares its {@link #compensation()}.
 */
public interface Tool {

    /** The name the agent and the policy use, for example {@code issue_refund}. */
    String name();

    /**
     * What the tool does, in words a language model and a reviewer read; empty unless the tool
     * says. A model is offered the tool with this description.
     */
    default String description() {
        return "";
    }

    /** What the arguments must look like; checked before policy, reviewers or execution see them. */
    ArgumentSchema schema();

    /** Tags the policy may read, for example {@code external} or {@code irreversible}. */
    default List<String> tags() {
        return List.of();
    }

    /**
     * Runs the tool. Throw {@link ToolException} for a failure with a meaning; anything else is
     * retried by Temporal.
     */
    Map<String, Object> execute(ToolInvocation invocation);

    /**
     * How a reviewer's rollback undoes this tool's effect; {@link Compensation#none()} unless the
     * tool declares one.
     */
    default Compensation compensation() {
        return Compensation.none();
    }
}
