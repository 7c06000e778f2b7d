package dev.countersign.service.acceptance;

import org.springframework.test.context.TestPropertySource;

/**
 * The running service of the post-action review tests: the demo policy reviews approved refunds for an
 * hour ({@code countersign.demo.approved-review}; by default it does not), and agents of the gate API may
 * be called back on the loopback host, with {@value #CALLBACK_SECRET} as the signing key. Its subclasses
 * share this one service, as all acceptance tests share theirs.
 */
@TestPropertySource(
        properties = {
            "countersign.demo.approved-review={window: PT1H}",
            "countersign.notifications.callbacks.hosts=127.0.0.1",
            "countersign.notifications.callbacks.secret=" + ReviewedRefundsAcceptanceTest.CALLBACK_SECRET
        })
abstract class ReviewedRefundsAcceptanceTest extends AcceptanceTest {

    static final String CALLBACK_SECRET = "acceptance-callback-secret";
}
