package dev.countersign.activities.tool.once;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.ToolActivities;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NonIdempotentToolRunsAtMostOnceTest {

    private ToolOnceHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private LedgerTool tool(boolean idempotent, IntFunction<RuntimeException> onAttempt) {
        LedgerTool tool = new LedgerTool(idempotent, onAttempt);
        harness = new ToolOnceHarness(tool);
        return tool;
    }

    @Test
    void unexpectedExceptionLeavesTheOutcomeUnknownAndTheToolIsNotReachedAgain() {
        LedgerTool tool = tool(false, n -> new IllegalStateException("connection reset mid-call"));

        assertThat(harness.call()).isEqualTo(ToolActivities.OUTCOME_UNKNOWN);
        assertThat(tool.reached).hasValue(1);
    }

    @Test
    void heartbeatTimeoutOfAHungAttemptLeavesTheOutcomeUnknownAndTheToolIsNotReachedAgain() {
        LedgerTool tool = tool(false, n -> LedgerTool.HANG);

        assertThat(harness.callOnAWorkerThatFallsSilent()).isEqualTo(ToolActivities.OUTCOME_UNKNOWN);
        assertThat(tool.reached).hasValue(1);
    }

    @Test
    void retryableToolExceptionThrownOnPurposeIsRetriedAndTheToolRunsAgain() {
        LedgerTool tool = tool(false, n -> n == 1 ? new ToolException("BankBusy", "try again", true) : null);

        assertThat(harness.call()).isEqualTo("ran");
        assertThat(tool.reached).hasValue(2);
    }

    @Test
    void attemptAfterACleanFailureThatThenDiesStillLeavesTheOutcomeUnknown() {
        LedgerTool tool = tool(
                false,
                n -> n == 1 ? new ToolException("BankBusy", "try again", true) : new IllegalStateException("died"));

        assertThat(harness.call()).isEqualTo(ToolActivities.OUTCOME_UNKNOWN);
        assertThat(tool.reached).hasValue(2);
    }

    @Test
    void idempotentToolIsStillRetriedAfterAnUnexpectedException() {
        LedgerTool tool = tool(true, n -> n < 3 ? new IllegalStateException("connection reset") : null);

        assertThat(harness.call()).isEqualTo("ran");
        assertThat(tool.reached).hasValue(3);
    }
}
