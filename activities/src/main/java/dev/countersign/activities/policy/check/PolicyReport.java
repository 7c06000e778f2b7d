package dev.countersign.activities.policy.check;

import dev.countersign.activities.policy.yaml.PolicyFinding;
import java.util.List;

/**
 * What {@link PolicyCheck} found in one policy file: the errors that stop it from loading (the same
 * as the loader's problems) and the warnings about things that load but are probably mistakes, each
 * in line order.
 */
public record PolicyReport(String source, List<PolicyFinding> errors, List<PolicyFinding> warnings) {

    public PolicyReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the policy loads, with or without warnings. */
    public boolean valid() {
        return errors.isEmpty();
    }
}
