package dev.countersign.service.demo;

import java.util.List;

/** Everything the demo's tools wrote, oldest first. */
public record LedgerSnapshot(List<LedgerRefund> refunds, List<LedgerEmail> emails) {

    public LedgerSnapshot {
        refunds = List.copyOf(refunds);
        emails = List.copyOf(emails);
    }
}
