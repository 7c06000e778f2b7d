package dev.countersign.policy;

import io.temporal.activity.ActivityInterface;

/**
 * Evaluates the policy for one tool call: validates the arguments against the tool's schema, then
 * finds the first matching rule. Runs as an activity so that verdicts are recorded in history and
 * a policy change never breaks replay.
 */
@ActivityInterface
public interface PolicyActivities {

    PolicyVerdict evaluatePolicy(PolicyRequest request);
}
