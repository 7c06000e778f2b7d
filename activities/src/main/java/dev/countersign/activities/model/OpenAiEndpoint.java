package dev.countersign.activities.model;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * An OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama, llama.cpp, LiteLLM), configured as
 * OpenAI's own clients are: {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY} and, for Countersign,
 * the default model in {@code COUNTERSIGN_MODEL}. Builds the Spring AI ChatModel with the client's
 * own retries off, since Temporal retries the model activity.
 *
 * @param baseUrl the URL that {@code /chat/completions} is appended to, normalised to end in
 *     {@code /v1} when it was given without a path
 * @param apiKey the key, or a placeholder for a local server that needs none
 * @param model the model agents use unless they name their own; may be null
 * @param timeout how long one HTTP call may take
 */
public record OpenAiEndpoint(String baseUrl, String apiKey, String model, Duration timeout) implements ModelEndpoint {

    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";
    public static final String MODEL_VARIABLE = "COUNTERSIGN_MODEL";

    /** OpenAI's own endpoint, used when only a key is given. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Sent as the key to a local server (Ollama, llama.cpp) that wants none; never a real key. */
    public static final String NO_KEY = "no-key";

    /** Within the model activity's start-to-close timeout of two minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    public OpenAiEndpoint {
        baseUrl = normalisedBaseUrl(baseUrl == null || baseUrl.isBlank() ? OPENAI_BASE_URL : baseUrl);
        apiKey = apiKey == null || apiKey.isBlank() ? NO_KEY : apiKey.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the model endpoint's timeout must be positive, was " + timeout);
        }
    }

    /**
     * The endpoint these environment variables describe, or empty when neither {@code
     * OPENAI_BASE_URL} nor {@code OPENAI_API_KEY} is set: then no model is configured and nothing fails.
     */
    public static Optional<OpenAiEndpoint> fromEnvironment(Map<String, String> environment) {
        String baseUrl = environment.get(BASE_URL_VARIABLE);
        String apiKey = environment.get(API_KEY_VARIABLE);
        if (isBlank(baseUrl) && isBlank(apiKey)) {
            return Optional.empty();
        }
        return Optional.of(new OpenAiEndpoint(baseUrl, apiKey, environment.get(MODEL_VARIABLE), DEFAULT_TIMEOUT));
    }

    /**
     * The base URL the OpenAI client appends {@code /chat/completions} to: a URL without a path
     * ({@code http://127.0.0.1:11434}) gets {@code /v1}; one with a path ({@code .../v1}, Azure's
     * {@code .../openai/v1}) is kept as given; a trailing slash is dropped. So {@code /v1} is never
     * doubled.
     */
    public static String normalisedBaseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " is not a URL: " + url, e);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    BASE_URL_VARIABLE + " must be an http(s) URL such as http://127.0.0.1:11434/v1, was " + url);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return path.isEmpty() ? text + "/v1" : text;
    }

    @Override
    public String describe() {
        return baseUrl;
    }

    /** A new Spring AI ChatModel for this endpoint, which makes one HTTP attempt per call. */
    @Override
    public ChatModel chatModel() {
        return OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey)
                        .model(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build())
                .build();
    }

    /**
     * A failed call as OpenAI's client reports it: by its HTTP status (see {@link ModelFailures}), or
     * as an endpoint that could not be reached.
     */
    @Override
    public ApplicationFailure failure(RuntimeException error, String model, Clock clock) {
        if (error instanceof OpenAIServiceException answered) {
            return ModelFailures.of(answered, this, model, clock);
        }
        if (error instanceof OpenAIIoException unreachable) {
            return ModelFailures.unreachable(unreachable, this);
        }
        return ApplicationFailure.newBuilder()
                .setType(ModelFailures.UNAVAILABLE)
                .setMessage("the call to the model endpoint " + baseUrl + " failed: " + error)
                .build();
    }

    @Override
    public boolean contextTooLong(RuntimeException error) {
        return error instanceof OpenAIServiceException answered && ModelFailures.contextTooLong(answered);
    }

    /** Whether a real key was given (rather than the placeholder for local servers). */
    public boolean hasKey() {
        return !NO_KEY.equals(apiKey);
    }

    @Override
    public String toString() {
        return "OpenAiEndpoint[" + baseUrl + ", model " + model + ", key " + (hasKey() ? "set" : "not set") + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
