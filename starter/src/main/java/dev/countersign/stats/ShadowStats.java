package dev.countersign.stats;

/**
 * What a rule in shadow mode would have done, beside what happened: of the {@code matched} calls it
 * would have judged {@code wouldBe} (auto, approve or deny), how many the enforced policy ran on its
 * own, were approved unedited, edited, rejected or sent back, timed out, denied, or were flagged in
 * review. {@code disagreements} counts the calls where the shadow verdict would have been wrong in
 * hindsight: for an auto shadow, calls people edited, rejected, sent back or flagged; for an
 * approve or deny shadow, calls that ran on their own or were approved unedited and not flagged.
 */
public record ShadowStats(
        String tool,
        String shadowRule,
        String wouldBe,
        int matched,
        int ranOnTheirOwn,
        int approvedUnedited,
        int edited,
        int rejected,
        int changesRequested,
        int timedOut,
        int denied,
        int flagged,
        int disagreements) {}
