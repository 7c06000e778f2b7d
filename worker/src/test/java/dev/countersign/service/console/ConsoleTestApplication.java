package dev.countersign.service.console;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.service.api.ApiExceptionHandler;
import dev.countersign.service.console.approval.ApprovalPageController;
import dev.countersign.service.console.approval.ApprovalPages;
import dev.countersign.service.console.approval.ConsoleDecisions;
import dev.countersign.service.console.inbox.BulkApproval;
import dev.countersign.service.console.inbox.Inbox;
import dev.countersign.service.console.inbox.InboxController;
import dev.countersign.service.console.review.ReviewQueueController;
import dev.countersign.service.console.task.TaskPagesController;
import dev.countersign.service.console.token.TokenPageController;
import dev.countersign.service.limits.LimitsConfiguration;
import dev.countersign.service.security.ApiSecurityConfiguration;
import dev.countersign.service.testing.TestDatabase;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The console's web slice: its controllers, advice and security chain beside the API's chains and
 * advice (so the tests see that the two do not interfere), with the demo refund tool's schema. The
 * facade is a mock in each test; the token store, where a test wants one, comes from {@link TestTokenStore}. It is
 * deliberately not a {@code @Configuration}: the full application's component scan must never pick
 * up its beans (a second token store, a tool registry with only the refund schema).
 */
@Import({
    ApiSecurityConfiguration.class,
    LimitsConfiguration.class,
    ApiExceptionHandler.class,
    ConsoleSecurityConfiguration.class,
    ConsoleConfiguration.class,
    TestDatabase.class,
    ConsoleAdvice.class,
    ConsoleErrorViews.class,
    HomeController.class,
    InboxController.class,
    Inbox.class,
    BulkApproval.class,
    ApprovalPageController.class,
    ApprovalPages.class,
    ConsoleDecisions.class,
    TaskPagesController.class,
    ReviewQueueController.class,
    TokenPageController.class
})
public class ConsoleTestApplication {

    @Bean
    ToolRegistry toolRegistry() {
        return new ToolRegistry(List.of(new RefundToolSchema(), new ParcelToolSchema()));
    }
}
