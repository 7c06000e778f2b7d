package dev.countersign.service.gateway;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyRule;
import dev.countersign.policy.Outcome;

/**
 * Whether the policy denies every call of a tool whatever its arguments and caller, so tools/list
 * leaves it out. Rules are read in order as the policy reads them, a condition taken as possibly true:
 * the tool is denied outright when every rule that may decide it (those naming it, up to and including
 * the first without a condition) denies, or none names it and the default is deny. Guards can only
 * deny more or ask for review of a call a rule lets run, never let a denied call run, so they never
 * bring a tool back; a deny guard has a condition, so it never hides a tool either.
 */
final class OutrightDenial {

    private OutrightDenial() {}

    static boolean denies(Policy policy, String tool) {
        for (PolicyRule rule : policy.rules()) {
            if (rule.shadow() || !rule.appliesTo(tool)) {
                continue;
            }
            if (rule.outcome() != Outcome.DENY) {
                return false;
            }
            if (rule.unconditional()) {
                return true;
            }
        }
        return policy.defaultOutcome() == Outcome.DENY;
    }
}
