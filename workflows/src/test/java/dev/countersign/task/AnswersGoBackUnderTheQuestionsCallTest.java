package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model's ask_human question is answered under its call's id, so the model gets its tool result. */
class AnswersGoBackUnderTheQuestionsCallTest {

    private static final class Asking extends ConversationAgent {
        @Override
        protected AgentStep next(AgentRequest request) {
            if (request.transcript().isEmpty()) {
                return AgentStep.ask(new Question("Refund in USD or EUR?", List.of("USD", "EUR"), "call_ask"));
            }
            return AgentStep.finish("answered");
        }
    }

    private final Asking agent = new Asking();
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theAnswerCarriesTheAskHumanCall() {
        String taskId = harness.start(Map.of(), "dave");
        harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);

        harness.stub(taskId).answer(new TaskMessage("dave", "EUR"));
        harness.result(taskId);

        TranscriptEntry answer = agent.requests.get(1).entries().get(0);
        assertThat(answer.kind()).isEqualTo(TranscriptKind.ANSWER);
        assertThat(answer.text()).isEqualTo("EUR");
        assertThat(answer.call().tool()).isEqualTo(Question.ASK_HUMAN);
        assertThat(answer.call().id()).isEqualTo("call_ask");
        assertThat(answer.call().args()).containsEntry("question", "Refund in USD or EUR?");
    }
}
