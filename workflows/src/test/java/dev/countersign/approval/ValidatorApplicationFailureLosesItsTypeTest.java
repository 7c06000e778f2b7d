package dev.countersign.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link DecisionRefusal} has one exception class per refusal: on SDK 1.38.0 an {@link
 * ApplicationFailure} thrown from an Update validator reaches the client with its message but
 * with the type {@code io.temporal.internal.worker.WorkflowExecutionException} and retryable. The
 * SDK's {@code WorkflowExecutionHandler.handleValidateUpdate} wraps the failure in that internal
 * exception, and {@code SyncWorkflow} then converts the wrapper as a plain exception (its class
 * name becomes the type) instead of unwrapping it, as it does for a handler (sdk-java issue #2875,
 * fixed by pull request #3001 after 1.38.0). Any other exception from a validator arrives with its
 * class name as the type, which is what the refusal classes rely on; a handler's ApplicationFailure
 * keeps its type. When an SDK upgrade makes the first test fail, the refusals can become one enum
 * producing ApplicationFailures.
 */
class ValidatorApplicationFailureLosesItsTypeTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private Refuser refuser;

    @BeforeEach
    void startRefuser() {
        env.newWorker("refusals").registerWorkflowImplementationTypes(RefuserImpl.class);
        env.start();
        refuser = env.getWorkflowClient()
                .newWorkflowStub(
                        Refuser.class,
                        WorkflowOptions.newBuilder().setTaskQueue("refusals").build());
        WorkflowClient.start(refuser::run);
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void applicationFailureFromAValidatorArrivesAsTheSdksWrapper() {
        ApplicationFailure failure = refusal(() -> refuser.decide("validator-failure"));

        assertThat(failure.getType()).isEqualTo("io.temporal.internal.worker.WorkflowExecutionException");
        assertThat(failure.getOriginalMessage()).isEqualTo("refused: validator-failure");
        assertThat(failure.isNonRetryable()).isFalse();
    }

    @Test
    void exceptionFromAValidatorArrivesWithItsClassNameAsType() {
        ApplicationFailure failure = refusal(() -> refuser.decide("validator-exception"));

        assertThat(failure.getType()).isEqualTo(SomeRefusal.class.getName());
        assertThat(failure.getOriginalMessage()).isEqualTo("refused: validator-exception");
    }

    @Test
    void applicationFailureFromAHandlerKeepsItsType() {
        ApplicationFailure failure = refusal(() -> refuser.decide("handler-failure"));

        assertThat(failure.getType()).isEqualTo("SomeType");
        assertThat(failure.getOriginalMessage()).isEqualTo("refused: handler-failure");
        assertThat(failure.isNonRetryable()).isTrue();
    }

    private static ApplicationFailure refusal(Runnable update) {
        WorkflowUpdateException refused = catchThrowableOfType(WorkflowUpdateException.class, update::run);
        assertThat(refused.getCause()).isInstanceOf(ApplicationFailure.class);
        return (ApplicationFailure) refused.getCause();
    }

    @WorkflowInterface
    public interface Refuser {
        @WorkflowMethod
        void run();

        // An Update, because only an Update has a validator that can refuse it.
        @UpdateMethod
        void decide(String how);

        @UpdateValidatorMethod(updateName = "decide")
        void validateDecide(String how);
    }

    public static class RefuserImpl implements Refuser {
        @Override
        public void run() {
            Workflow.await(() -> false);
        }

        @Override
        public void validateDecide(String how) {
            switch (how) {
                case "validator-failure" ->
                    throw ApplicationFailure.newNonRetryableFailure("refused: " + how, "SomeType");
                case "validator-exception" -> throw new SomeRefusal("refused: " + how);
                default -> {}
            }
        }

        @Override
        public void decide(String how) {
            throw ApplicationFailure.newNonRetryableFailure("refused: " + how, "SomeType");
        }
    }

    static final class SomeRefusal extends RuntimeException {
        SomeRefusal(String message) {
            super(message);
        }
    }
}
