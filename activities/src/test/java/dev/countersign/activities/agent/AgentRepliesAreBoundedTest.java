package dev.countersign.activities.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.payload.PayloadBounds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRepliesAreBoundedTest {

    private static final int BOUND = 64 * 1024;
    private static final String THREE_MB = "r".repeat(3 * 1024 * 1024);

    @Test
    void aHugeRationaleAndHugeArgumentsAreCutVisibly() {
        AgentStep step = activitiesReplying(AgentStep.call(
                        new ToolCall("lookup", Map.of("q", THREE_MB), "because " + THREE_MB, 0.5, List.of())))
                .nextStep(request());

        assertThat(step.toolCall().rationale()).startsWith("because rrr").endsWith("bytes]");
        assertThat(PayloadBounds.utf8Length(step.toolCall().rationale())).isLessThanOrEqualTo(BOUND / 4);
        assertThat(PayloadBounds.isTruncated(step.toolCall().args())).isTrue();
        assertThat(step.toolCall().tool()).isEqualTo("lookup");
    }

    @Test
    void aHugeSummaryOrQuestionIsCutVisibly() {
        AgentStep finish = activitiesReplying(AgentStep.finish(THREE_MB)).nextStep(request());
        AgentStep ask = activitiesReplying(AgentStep.ask(new Question(THREE_MB, List.of("yes", THREE_MB))))
                .nextStep(request());

        assertThat(finish.summary()).endsWith("… [truncated: " + THREE_MB.length() + " bytes]");
        assertThat(PayloadBounds.utf8Length(finish.summary())).isLessThanOrEqualTo(BOUND);
        assertThat(ask.question().text()).endsWith("bytes]");
        assertThat(ask.question().options().get(0)).isEqualTo("yes");
        assertThat(PayloadBounds.jsonBytes(ask.question().options())).isLessThanOrEqualTo(BOUND / 2);
    }

    @Test
    void aSmallReplyIsUntouched() {
        AgentStep reply = AgentStep.finish("done");

        assertThat(activitiesReplying(reply).nextStep(request())).isEqualTo(reply);
    }

    private static AgentActivitiesImpl activitiesReplying(AgentStep reply) {
        AgentModel model = new AgentModel() {
            @Override
            public String agent() {
                return "support";
            }

            @Override
            public AgentStep nextStep(AgentRequest request) {
                return reply;
            }
        };
        return new AgentActivitiesImpl(List.of(model), new InMemoryTaskStore(), BOUND);
    }

    private static StepRequest request() {
        return new StepRequest("t1", "run-1", "support", 1, "goal", Map.of(), 0, List.of());
    }
}
