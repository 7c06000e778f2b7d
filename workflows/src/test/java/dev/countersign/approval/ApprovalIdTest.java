package dev.countersign.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An approval id names its task and action, and reads back as the plain string the wire carries. */
class ApprovalIdTest {

    @Test
    void anApprovalIdNamesItsTaskAndAction() {
        ApprovalId id = ApprovalId.parse("refund-42.a2").orElseThrow();

        assertThat(id.taskId()).isEqualTo("refund-42");
        assertThat(id.actionId()).isEqualTo("a2");
        assertThat(id).hasToString("refund-42.a2");
    }

    @Test
    void aTaskIdWithDotsKeepsThemAndTheActionIsAfterTheLastDot() {
        ApprovalId id = ApprovalId.parse("orders.2026.refund-7.a13").orElseThrow();

        assertThat(id.taskId()).isEqualTo("orders.2026.refund-7");
        assertThat(id.actionId()).isEqualTo("a13");
        assertThat(new ApprovalId("orders.2026.refund-7", "a13")).hasToString("orders.2026.refund-7.a13");
    }

    @Test
    void textWithoutATaskADotAndAnActionIsNoApprovalId() {
        assertThat(ApprovalId.parse(null)).isEmpty();
        assertThat(ApprovalId.parse("")).isEmpty();
        assertThat(ApprovalId.parse("no-dot-in-this-id")).isEmpty();
        assertThat(ApprovalId.parse(".a2")).isEmpty();
        assertThat(ApprovalId.parse("refund-42.")).isEmpty();
    }

    @Test
    void anActionIdNeverHoldsADot() {
        assertThatThrownBy(() -> new ApprovalId("refund", "4.a2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalId("", "a2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingWhatAnIdPrintsGivesTheSameId() {
        ApprovalId id = new ApprovalId("t.1", "a7");

        assertThat(ApprovalId.parse(id.toString())).contains(id);
    }
}
