package dev.countersign.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/demo/ledger}: what the demo's tools wrote, for any signed-in user. Declared in
 * {@link DemoConfiguration}; it carries the demo switch as well, so a component scan that reaches
 * this package cannot bring it in with the demo switched off.
 */
@RestController
@RequestMapping("/api/demo")
@ConditionalOnProperty(prefix = DemoConfiguration.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class DemoLedgerController {

    private final DemoLedger ledger;

    public DemoLedgerController(DemoLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    public LedgerSnapshot ledger() {
        return ledger.read();
    }
}
