package dev.countersign.activities.notify;

/** The body a webhook receives: Countersign's own JSON, or a Slack incoming-webhook message. */
public enum WebhookFormat {
    /** Every field of the pending approval, for receivers you write yourself. */
    GENERIC,
    /** A Slack message with Approve and Reject buttons that open the web console. */
    SLACK
}
