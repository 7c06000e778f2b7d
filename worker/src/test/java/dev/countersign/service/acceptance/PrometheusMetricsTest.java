package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus sees after the demo scenario: the pending gauge rises while a
 * refund waits and falls back when it is decided, and decisions are counted by outcome.
 */
class PrometheusMetricsTest extends AcceptanceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pendingGaugeRisesAndFallsAndDecisionsAreCountedByOutcome() throws Exception {
        double pendingBefore = awaitMetric("countersign_approvals_pending", "", v -> true);
        double approvedBefore = metric(scrape(), "countersign_decisions_total", "outcome=\"approved\"");
        double rejectedBefore = metric(scrape(), "countersign_decisions_total", "outcome=\"rejected\"");

        String approved = desk.startRefund("A-1", "250", "USD");
        String rejected = desk.startRefund("A-1", "240", "USD");
        desk.awaitApproval(SupportDesk.refundApproval(approved));
        desk.awaitApproval(SupportDesk.refundApproval(rejected));
        awaitMetric("countersign_approvals_pending", "", v -> v == pendingBefore + 2);

        desk.decide("alice", SupportDesk.refundApproval(approved), SupportDesk.decision("approve", null))
                .ok(200);
        desk.decide("alice", SupportDesk.refundApproval(rejected), SupportDesk.decision("reject", null, "not eligible"))
                .ok(200);
        desk.awaitStatus(approved, "COMPLETED");
        desk.awaitStatus(rejected, "COMPLETED");

        awaitMetric("countersign_approvals_pending", "", v -> v == pendingBefore);
        // Other tests' decisions may still be on their way to the registry (the SDK reports every
        // 10 s), so the counts are at least ours.
        awaitMetric("countersign_decisions_total", "outcome=\"approved\"", v -> v >= approvedBefore + 1);
        awaitMetric("countersign_decisions_total", "outcome=\"rejected\"", v -> v >= rejectedBefore + 1);
        assertThat(scrape()).contains("countersign_time_to_decision").contains("temporal_workflow_completed");
    }

    @Test
    void prometheusIsForOperatorsOnly() throws Exception {
        assertThat(get("alice").statusCode()).isEqualTo(403);
        assertThat(get(null).statusCode()).isEqualTo(401);
    }

    /** Polls until the metric satisfies the condition; the SDK reports workflow metrics every 10 s. */
    private double awaitMetric(String name, String label, DoublePredicate condition) {
        return Eventually.until(
                name + "{" + label + "} reaches the expected value",
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                () -> metric(scrape(), name, label),
                condition::test);
    }

    /** The sum of every series of this metric whose labels contain {@code label}. */
    private static double metric(String exposition, String name, String label) {
        Matcher lines = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(exposition);
        double sum = 0;
        while (lines.find()) {
            String labels = lines.group(1) == null ? "" : lines.group(1);
            if (labels.contains(label)) {
                sum += Double.parseDouble(lines.group(2));
            }
        }
        return sum;
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("olga");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String user) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        if (user != null) {
            String credentials = user + ":" + ApiClient.PASSWORD;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
