package dev.countersign.activities.notify;

import dev.countersign.notify.NotificationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Runs {@link WebhookNotificationActivities} once, in Temporal's activity test environment. */
final class ActivityHarness implements AutoCloseable {

    static final URI CONSOLE = URI.create("https://countersign.example.com/");

    private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    final NotificationActivities notifier;

    ActivityHarness(List<WebhookTarget> targets) {
        this(targets, Duration.ofSeconds(5));
    }

    ActivityHarness(List<WebhookTarget> targets, Duration timeout) {
        this(targets, AgentCallbacks.NONE, timeout);
    }

    /** No reviewer webhooks; agents are called back where {@code callbacks} allows. */
    ActivityHarness(AgentCallbacks callbacks) {
        this(List.of(), callbacks, Duration.ofSeconds(5));
    }

    private ActivityHarness(List<WebhookTarget> targets, AgentCallbacks callbacks, Duration timeout) {
        environment.registerActivitiesImplementations(
                new WebhookNotificationActivities(targets, callbacks, CONSOLE, timeout, HttpClient.newHttpClient()));
        notifier = environment.newActivityStub(
                NotificationActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());
    }

    @Override
    public void close() {
        environment.close();
    }
}
