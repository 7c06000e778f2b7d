package dev.countersign.activities.model;

import io.temporal.failure.ApplicationFailure;
import java.time.Clock;

/**
 * Where the language models of model-driven agents are reached: an OpenAI-compatible endpoint
 * configured by {@code OPENAI_*} variables ({@link OpenAiEndpoint}), or the Spring AI ChatModel of a
 * provider's starter ({@link SpringAiModel}). It says what a failed call means to Temporal, the only
 * layer that retries model calls.
 */
public interface ModelEndpoint {

    /** Where the model is reached, for messages and logs: a URL or a ChatModel's class; never a key. */
    String describe();

    /** The model agents ask unless they name their own; null leaves it to the ChatModel's own options. */
    String model();

    /** The ChatModel that agents on this endpoint share; it makes one attempt per call. */
    org.springframework.ai.chat.model.ChatModel chatModel();

    /**
     * The activity failure a failed model call becomes: retryable (after the wait the endpoint asked
     * for, if it named one) unless retrying cannot help.
     */
    ApplicationFailure failure(RuntimeException error, String model, Clock clock);

    /** Whether the call failed because the conversation is longer than the model's context. */
    boolean contextTooLong(RuntimeException error);

    /** The failure of a reply that holds no message at all. */
    default ApplicationFailure emptyReply(String model) {
        return ApplicationFailure.newBuilder()
                .setType(ModelFailures.EMPTY_REPLY)
                .setMessage(
                        "the model endpoint " + describe() + " gave no choice in its reply for model '" + model + "'")
                .build();
    }
}
