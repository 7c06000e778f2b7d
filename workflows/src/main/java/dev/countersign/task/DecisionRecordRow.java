package dev.countersign.task;

import dev.countersign.payload.PayloadBounds;
import java.time.Instant;

/**
 * One row of the durable decision record: what happened to one action of one task ({@code kind},
 * {@code outcome}), when (workflow time), by whom ({@code by}: a reviewer, an operator, or
 * {@code agent} for a run the agent reported), under which rule and policy hash, on which arguments
 * (their digest; an edit also names the digest it replaced). {@code eventKey} is unique within the
 * action, so the store keeps each row once however often it is sent. A field a source cannot know is
 * null.
 */
public record DecisionRecordRow(
        String taskId,
        String actionId,
        String eventKey,
        DecisionEvent kind,
        Instant at,
        String requester,
        String agent,
        String tool,
        String outcome,
        String rule,
        String policyHash,
        String argsDigest,
        String previousArgsDigest,
        String by,
        String comment,
        String shadowRule,
        String shadowOutcome) {

    /** How much of a comment or error a row keeps; longer ones are cut with a visible marker. */
    public static final int MAX_COMMENT_BYTES = 2000;

    public DecisionRecordRow {
        if (taskId == null || actionId == null || eventKey == null || kind == null) {
            throw new IllegalArgumentException(
                    "a decision record row needs a task, an action, an event key and a kind");
        }
        comment = comment == null ? null : PayloadBounds.text(comment, MAX_COMMENT_BYTES);
    }

    /** This row at {@code when}. */
    public DecisionRecordRow timed(Instant when) {
        return with(when, argsDigest, previousArgsDigest, by);
    }

    /** This row with the arguments digests given. */
    public DecisionRecordRow digests(String args, String previousArgs) {
        return with(at, args, previousArgs, by);
    }

    /** This row as done by {@code who}. */
    public DecisionRecordRow doneBy(String who) {
        return with(at, argsDigest, previousArgsDigest, who);
    }

    private DecisionRecordRow with(Instant when, String args, String previousArgs, String who) {
        return new DecisionRecordRow(
                taskId,
                actionId,
                eventKey,
                kind,
                when,
                requester,
                agent,
                tool,
                outcome,
                rule,
                policyHash,
                args,
                previousArgs,
                who,
                comment,
                shadowRule,
                shadowOutcome);
    }

    /**
     * Whether {@code stored} says what this row says, where this row knows it: a null field here (what
     * a source could not know) matches anything, and times are not compared.
     */
    public boolean agreesWith(DecisionRecordRow stored) {
        return same(kind, stored.kind)
                && same(tool, stored.tool)
                && same(outcome, stored.outcome)
                && same(rule, stored.rule)
                && same(policyHash, stored.policyHash)
                && same(argsDigest, stored.argsDigest)
                && same(previousArgsDigest, stored.previousArgsDigest)
                && same(by, stored.by)
                && same(comment, stored.comment)
                && same(shadowRule, stored.shadowRule)
                && same(shadowOutcome, stored.shadowOutcome);
    }

    private static boolean same(Object known, Object stored) {
        return known == null || known.equals(stored);
    }
}
