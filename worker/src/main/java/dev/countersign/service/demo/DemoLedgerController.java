package dev.countersign.service.demo;

import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.LogSafe;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/demo/ledger}: what the demo's tools wrote (customers' emails, amounts), for those
 * {@link TaskAccess#mayReadLedger} lets in: operators, or everyone with read scope all. Others get
 * 403, not 404: the ledger is one documented address, so there is nothing to hide by denying it
 * exists, and 403 tells them to ask an operator. Declared in {@link DemoConfiguration}; it carries the
 * demo switch as well, so a component scan that reaches this package cannot bring it in with the demo
 * switched off.
 */
@RestController
@RequestMapping("/api/demo")
@ConditionalOnProperty(prefix = DemoConfiguration.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class DemoLedgerController {

    private static final Logger log = LoggerFactory.getLogger(DemoLedgerController.class);

    private final DemoLedger ledger;
    private final TaskAccess access;

    public DemoLedgerController(DemoLedger ledger, TaskAccess access) {
        this.ledger = ledger;
        this.access = access;
    }

    @GetMapping("/ledger")
    public LedgerSnapshot ledger(Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!access.mayReadLedger(caller)) {
            log.warn(
                    "refused GET /api/demo/ledger for '{}' with 403: the ledger is for members of {}",
                    LogSafe.text(caller.name()),
                    access.operatorGroups());
            throw new AccessDeniedException("the demo ledger is for members of " + access.operatorGroups());
        }
        return ledger.read();
    }
}
