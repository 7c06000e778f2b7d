package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.activities.model.OpenAiStub.Reply;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Temporal is the only layer that retries a model call: each error status becomes an activity
 * failure after exactly one HTTP request, retryable with the wait the server asked for, or not
 * retryable with a type and a message naming the endpoint and the status, never the key.
 */
class HttpErrorsBecomeActivityFailuresTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void aRateLimitIsRetryableAfterTheWaitTheServerAsks() {
        ApplicationFailure failure = failureFor(new Reply(
                429, Map.of("Retry-After", "7"), ChatCompletionsJson.error("Rate limit reached", "requests")));

        assertThat(failure.getType()).isEqualTo(ModelFailures.RATE_LIMITED);
        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.getOriginalMessage()).contains("HTTP 429", server.baseUrl(), "Rate limit reached");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheDefault() {
        ApplicationFailure failure =
                failureFor(new Reply(429, Map.of(), ChatCompletionsJson.error("slow down", "requests")));

        assertThat(failure.getNextRetryDelay()).isEqualTo(ModelFailures.RATE_LIMIT_DELAY);
    }

    @Test
    void aServerErrorIsRetryableAfterOneRequest() {
        ApplicationFailure failure = failureFor(
                new Reply(500, Map.of(), ChatCompletionsJson.error("The server had an error", "server_error")));

        assertThat(failure.getType()).isEqualTo(ModelFailures.UNAVAILABLE);
        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure.getNextRetryDelay()).isNull(); // the activity's own backoff applies
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anUnavailableServerThatSaysWhenIsRetriedThen() {
        ApplicationFailure failure =
                failureFor(new Reply(503, Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"), "{}"));

        assertThat(failure.getType()).isEqualTo(ModelFailures.UNAVAILABLE);
        assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRefusedKeyIsNotRetriedAndTheKeyIsNeverShown() {
        ApplicationFailure failure = failureFor(new Reply(
                401,
                Map.of(),
                ChatCompletionsJson.error("Incorrect API key provided: " + TestAgents.KEY, "invalid_request_error")));

        assertThat(failure.getType()).isEqualTo(ModelFailures.UNAUTHORIZED);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage())
                .contains("HTTP 401", server.baseUrl(), "OPENAI_API_KEY")
                .doesNotContain(TestAgents.KEY);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aForbiddenKeyIsUnauthorized() {
        ApplicationFailure failure = failureFor(new Reply(403, Map.of(), "{}"));

        assertThat(failure.getType()).isEqualTo(ModelFailures.UNAUTHORIZED);
        assertThat(failure.isNonRetryable()).isTrue();
    }

    @Test
    void anUnknownModelIsNotRetriedAndPointsAtTheSettings() {
        ApplicationFailure failure = failureFor(new Reply(
                404,
                Map.of(),
                ChatCompletionsJson.error("The model `gpt-test` does not exist", "invalid_request_error")));

        assertThat(failure.getType()).isEqualTo(ModelFailures.NOT_FOUND);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).contains("HTTP 404", "gpt-test", "OPENAI_BASE_URL");
    }

    @Test
    void aRejectedRequestIsNotRetried() {
        ApplicationFailure failure = failureFor(
                new Reply(400, Map.of(), ChatCompletionsJson.error("context too long", "invalid_request_error")));

        assertThat(failure.getType()).isEqualTo(ModelFailures.REQUEST_REJECTED);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).contains("HTTP 400", "context too long");
    }

    @Test
    void anEndpointNobodyListensOnIsRetryable() {
        String closed = server.baseUrl();
        server.close();

        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class, () -> agents.agent(closed).nextStep(TestAgents.request()));

        assertThat(failure.getType()).isEqualTo(ModelFailures.UNREACHABLE);
        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure.getOriginalMessage()).contains(closed);
    }

    private ApplicationFailure failureFor(Reply reply) {
        server.reply(reply);
        return catchThrowableOfType(
                ApplicationFailure.class, () -> agents.agent(server).nextStep(TestAgents.request()));
    }
}
