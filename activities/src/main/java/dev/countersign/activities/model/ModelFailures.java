package dev.countersign.activities.model;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.countersign.payload.PayloadBounds;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;

/**
 * The failure types of a model call, as the model activity reports them to Temporal, which is the
 * only layer that retries: a rate limit (429) or an unavailable endpoint (408, 409, 5xx, no
 * connection) is retried after the wait the endpoint asked for; a refused key, an unknown model or
 * URL and a rejected request are not retried, since retrying cannot help. Messages name the endpoint
 * and the status, never the key.
 */
public final class ModelFailures {

    public static final String RATE_LIMITED = "ModelRateLimited";
    public static final String UNAVAILABLE = "ModelUnavailable";
    public static final String UNREACHABLE = "ModelUnreachable";
    public static final String UNAUTHORIZED = "ModelUnauthorized";
    public static final String NOT_FOUND = "ModelNotFound";
    public static final String REQUEST_REJECTED = "ModelRequestRejected";
    public static final String EMPTY_REPLY = "ModelEmptyReply";

    /** The wait after a 429 that names none: long enough for a per-second or per-minute window to move. */
    static final Duration RATE_LIMIT_DELAY = Duration.ofSeconds(5);

    private static final int SERVER_MESSAGE_BYTES = 500;

    private ModelFailures() {}

    static ApplicationFailure of(OpenAIServiceException error, OpenAiEndpoint endpoint, String model, Clock clock) {
        int status = error.statusCode();
        String said = "the model endpoint " + endpoint.baseUrl() + " answered HTTP " + status + " for model '" + model
                + "'" + serverMessage(error, endpoint);
        if (status == 429 || status == 408 || status == 409 || status >= 500) {
            Duration wait = RetryAfter.of(name -> error.headers().values(name), clock);
            if (wait == null && status == 429) {
                wait = RATE_LIMIT_DELAY;
            }
            return ApplicationFailure.newBuilder()
                    .setType(status == 429 ? RATE_LIMITED : UNAVAILABLE)
                    .setMessage(said + (wait == null ? "" : "; trying again in " + wait.toMillis() + " ms"))
                    .setNextRetryDelay(wait)
                    .build();
        }
        return ApplicationFailure.newBuilder()
                .setType(
                        switch (status) {
                            case 401, 403 -> UNAUTHORIZED;
                            case 404 -> NOT_FOUND;
                            default -> REQUEST_REJECTED;
                        })
                .setMessage(said + advice(status, endpoint))
                .setNonRetryable(true)
                .build();
    }

    /**
     * Whether the endpoint refused the request because the conversation is longer than the model's
     * context: OpenAI's {@code context_length_exceeded}, or the words servers such as vLLM and
     * llama.cpp use for it.
     */
    static boolean contextTooLong(OpenAIServiceException error) {
        if (error.statusCode() != 400 && error.statusCode() != 413) {
            return false;
        }
        return saysContextTooLong(String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a server's message (lower case) says the conversation exceeds the model's context. */
    static boolean saysContextTooLong(String said) {
        return said.contains("context_length_exceeded")
                || said.contains("context length")
                || said.contains("context window")
                || said.contains("maximum context")
                || said.contains("prompt is too long");
    }

    static ApplicationFailure unreachable(OpenAIIoException error, OpenAiEndpoint endpoint) {
        Throwable cause = error.getCause() == null ? error : error.getCause();
        return ApplicationFailure.newBuilder()
                .setType(UNREACHABLE)
                .setMessage("the model endpoint " + endpoint.baseUrl() + " could not be reached: "
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                .build();
    }

    private static String advice(int status, OpenAiEndpoint endpoint) {
        return switch (status) {
            case 401, 403 ->
                endpoint.hasKey()
                        ? "; check " + OpenAiEndpoint.API_KEY_VARIABLE
                        : "; " + OpenAiEndpoint.API_KEY_VARIABLE + " is not set";
            case 404 ->
                "; check the model name and " + OpenAiEndpoint.BASE_URL_VARIABLE
                        + " (it should end in /v1, as in http://127.0.0.1:11434/v1)";
            default -> "";
        };
    }

    /** What the server said, without the "NNN: " the SDK puts first, cut short and with the key masked. */
    private static String serverMessage(OpenAIServiceException error, OpenAiEndpoint endpoint) {
        String message = error.getMessage();
        if (message == null) {
            return "";
        }
        String prefix = error.statusCode() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        if (endpoint.hasKey()) {
            message = message.replace(endpoint.apiKey(), "***");
        }
        message = message.strip();
        return message.isEmpty() || message.equals("Unknown")
                ? ""
                : ": " + PayloadBounds.text(message, SERVER_MESSAGE_BYTES);
    }
}
