package dev.countersign.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlyRejectionsAndRequestedChangesNeedACommentTest {

    @Test
    void aRejectionOrARequestForChangesWithoutACommentLacksOne() {
        for (DecisionKind kind : new DecisionKind[] {DecisionKind.REJECT, DecisionKind.REQUEST_CHANGES}) {
            assertThat(kind.lacksComment(null)).as(kind + " with no comment").isTrue();
            assertThat(kind.lacksComment(""))
                    .as(kind + " with an empty comment")
                    .isTrue();
            assertThat(kind.lacksComment(" \t\n"))
                    .as(kind + " with only white space")
                    .isTrue();
            assertThat(kind.lacksComment("the customer was refunded already"))
                    .as(kind + " with a comment")
                    .isFalse();
        }
    }

    @Test
    void anApprovalOrAnEditNeedsNoComment() {
        assertThat(DecisionKind.APPROVE.lacksComment(null)).isFalse();
        assertThat(DecisionKind.EDIT.lacksComment("")).isFalse();
    }
}
