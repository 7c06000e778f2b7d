package dev.countersign.activities.policy;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the policy in force. {@link #reload()} reads it again and swaps it in only if it loads; a
 * broken edit leaves the current policy in place and reports why with a {@link PolicyException}.
 */
public final class PolicySource {

    private final Supplier<Policy> loader;
    private final AtomicReference<Policy> current;

    /** Loads the policy at once, so a broken file stops the start; for example {@code () -> loader.load(path)}. */
    public PolicySource(Supplier<Policy> loader) {
        this.loader = loader;
        this.current = new AtomicReference<>(Objects.requireNonNull(loader.get(), "the policy loader gave null"));
    }

    /** A source that always holds this policy; {@link #reload()} keeps it. */
    public static PolicySource of(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        return new PolicySource(() -> policy);
    }

    public Policy current() {
        return current.get();
    }

    public Policy reload() {
        Policy loaded = Objects.requireNonNull(loader.get(), "the policy loader gave null");
        current.set(loaded);
        return loaded;
    }
}
