package dev.countersign.history;

import io.temporal.api.common.v1.Payloads;

/**
 * An activity as it was scheduled: its type, its input (decoded only when its outcome is told),
 * and, for a policy evaluation, the reviewer's edit it checks (null when it checks a proposal).
 */
record ScheduledActivity(String type, Payloads input, UpdateRequest forEdit) {}
