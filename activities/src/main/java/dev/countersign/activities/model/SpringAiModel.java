package dev.countersign.activities.model;

import dev.countersign.payload.PayloadBounds;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Locale;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The ChatModel a Spring AI provider starter creates (Anthropic, Google, Bedrock, ...), used as the
 * agents' endpoint when no {@code OPENAI_*} variable is set. Its failures are retried by Temporal
 * within the model activity's attempts, since a provider's exceptions carry no common status: turn
 * the provider's own retries off ({@code spring.ai.retry.max-attempts=1}) so that Temporal stays the
 * one retry layer.
 *
 * @param chatModel the provider's ChatModel
 * @param model the model agents ask unless they name their own; null for the provider's configured one
 */
public record SpringAiModel(ChatModel chatModel, String model) implements ModelEndpoint {

    private static final int MESSAGE_BYTES = 500;

    public SpringAiModel {
        if (chatModel == null) {
            throw new IllegalArgumentException("a Spring AI model endpoint needs a ChatModel");
        }
        model = model == null || model.isBlank() ? null : model.strip();
    }

    @Override
    public String describe() {
        return chatModel.getClass().getSimpleName();
    }

    @Override
    public ApplicationFailure failure(RuntimeException error, String model, Clock clock) {
        return ApplicationFailure.newBuilder()
                .setType(ModelFailures.UNAVAILABLE)
                .setMessage("the model " + describe() + " failed for model '" + model + "': "
                        + error.getClass().getSimpleName()
                        + (error.getMessage() == null
                                ? ""
                                : ": " + PayloadBounds.text(error.getMessage(), MESSAGE_BYTES)))
                .build();
    }

    @Override
    public boolean contextTooLong(RuntimeException error) {
        return ModelFailures.saysContextTooLong(
                String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "SpringAiModel[" + describe() + ", model " + model + "]";
    }
}
