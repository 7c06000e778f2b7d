package dev.countersign.activities.tool;

import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool the agent may call. Register one as a Spring bean and the starter puts it in the
 * ToolRegistry. {@link #execute} must be idempotent for a given
 * {@link ToolInvocation#idempotencyKey()}: a retry after a crash passes the same key. A tool that
 * can be undone declares its {@link #compensation()}.
 */
public interface Tool {

    /** The tag the registry adds to a tool that is not {@link #idempotent()}, so a policy can see it. */
    String NOT_IDEMPOTENT_TAG = "not-idempotent";

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

    /**
     * The arguments as the JSON Schema a language model is offered; {@link #schema()} rendered,
     * unless the tool has a richer schema of its own (a Spring AI {@code @Tool} method has).
     */
    default Map<String, Object> jsonSchema() {
        return schema().jsonSchema();
    }

    /**
     * Every way these arguments fail the tool's schema, in words a reviewer understands; checked
     * before the policy sees a call. {@link #schema()}'s check unless the tool has a fuller one (an
     * MCP server's tool checks its whole JSON Schema).
     */
    default List<String> violations(Map<String, Object> args) {
        return schema().violations(args);
    }

    /**
     * What the tool's source says of it, for the policy's {@code annotations} and reviewers: an MCP
     * server's hints ({@code readOnlyHint}, {@code destructiveHint}, {@code idempotentHint}, {@code
     * openWorldHint}) as it states them. Hints, never a gate on their own; empty unless the tool says.
     */
    default Map<String, Object> annotations() {
        return Map.of();
    }

    /**
     * These arguments as the tool will read them, so that the policy and reviewers judge what will
     * run: for example a relative path made absolute, {@code ..} resolved and symbolic links followed.
     * The call then goes on with the normalized arguments. Unchanged unless the tool says.
     *
     * @throws IllegalArgumentException saying which argument cannot be read (the call is refused)
     */
    default Map<String, Object> normalized(Map<String, Object> args) {
        return args;
    }

    /**
     * What a call with these arguments would change, as a unified diff a reviewer reads beside the
     * raw arguments; empty when the tool cannot say. It must only read, never act: the approval page
     * asks for it each time it shows the call.
     */
    default Optional<String> preview(Map<String, Object> args) {
        return Optional.empty();
    }

    /** Tags the policy may read, for example {@code external} or {@code irreversible}. */
    default List<String> tags() {
        return List.of();
    }

    /**
     * Whether running the tool twice with the same {@link ToolInvocation#idempotencyKey()} has the
     * effect of running it once. A tool that is not is tagged {@value #NOT_IDEMPOTENT_TAG} and is never
     * run again after an attempt that may have reached it (a worker died while it ran, it timed out,
     * it threw something other than a retryable {@link ToolException}): the action's outcome is then
     * unknown, and an operator says whether it was done.
     */
    default boolean idempotent() {
        return true;
    }

    /**
     * Whether the tool runs as a Temporal local activity: in the workflow task that calls it, on the
     * worker that runs the task, saving the round trips of an activity (its scheduling, its start and
     * the workflow task its result wakes). Only for a tool that answers within seconds and is {@link
     * #idempotent()}: a local activity cannot heartbeat, and one whose worker dies before its workflow
     * task completes runs again. The registry refuses a tool that says this and is not idempotent.
     */
    default boolean runsLocally() {
        return false;
    }

    /**
     * Runs the tool. Throw {@link ToolException} for a failure with a meaning; anything else is
     * retried by Temporal, unless the tool is not {@link #idempotent()}.
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
