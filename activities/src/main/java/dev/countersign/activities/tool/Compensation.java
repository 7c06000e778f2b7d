package dev.countersign.activities.tool;

import dev.countersign.tool.CompensationRequest;
import java.util.Map;
import java.util.Objects;

/**
 * How a tool's effect is undone when a reviewer rolls it back: {@link #none()} (nothing declared;
 * a rollback is refused), {@link #irreversible()} (declared impossible; the registry tags the tool
 * {@value #IRREVERSIBLE_TAG} so a policy guard can forbid running it on its own), or {@link #by} a
 * compensating action. The handler must be idempotent for a given {@link
 * CompensationRequest#idempotencyKey()}: a retry passes the same key.
 */
public final class Compensation {

    /** The tag the registry adds to a tool whose compensation is {@link #irreversible()}. */
    public static final String IRREVERSIBLE_TAG = "irreversible";

    private static final Compensation NONE = new Compensation(null, null, false);
    private static final Compensation IRREVERSIBLE = new Compensation(null, null, true);

    private final String name;
    private final Handler handler;
    private final boolean irreversible;

    private Compensation(String name, Handler handler, boolean irreversible) {
        this.name = name;
        this.handler = handler;
        this.irreversible = irreversible;
    }

    /** Undoes one tool call, given its original arguments and result; returns what it did. */
    @FunctionalInterface
    public interface Handler {
        Map<String, Object> compensate(CompensationRequest request);
    }

    public static Compensation none() {
        return NONE;
    }

    public static Compensation irreversible() {
        return IRREVERSIBLE;
    }

    /** A compensating action with a name shown to reviewers, for example {@code reverse_refund}. */
    public static Compensation by(String name, Handler handler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a compensation needs a name");
        }
        return new Compensation(name, Objects.requireNonNull(handler, "a compensation needs a handler"), false);
    }

    /** The compensating action's name; null when the tool cannot be rolled back. */
    public String name() {
        return name;
    }

    /** Whether the tool declared that its effect cannot be undone. */
    public boolean isIrreversible() {
        return irreversible;
    }

    public boolean declared() {
        return handler != null;
    }

    /** Runs the compensating action; throws when the tool declared none. */
    public Map<String, Object> run(CompensationRequest request) {
        if (handler == null) {
            throw new IllegalStateException("no compensation is declared");
        }
        return handler.compensate(request);
    }

    @Override
    public String toString() {
        return irreversible ? "irreversible" : name == null ? "none" : name;
    }
}
