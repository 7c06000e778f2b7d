package dev.countersign.stats;

import dev.countersign.review.ReviewState;
import dev.countersign.task.ActionView;

/** Reads what post-action review said of an executed call. */
interface ReviewMarks {

    /** The review recorded on the action view: FLAGGED, and ROLLED_BACK or ROLLBACK_FAILED. */
    ReviewMarks FROM_VIEW = new ReviewMarks() {
        @Override
        public boolean flagged(ActionView action) {
            return state(action) == ReviewState.FLAGGED;
        }

        @Override
        public boolean rolledBack(ActionView action) {
            ReviewState state = state(action);
            return state == ReviewState.ROLLED_BACK || state == ReviewState.ROLLBACK_FAILED;
        }

        private ReviewState state(ActionView action) {
            return action.review() == null ? ReviewState.NONE : action.review().state();
        }
    };

    boolean flagged(ActionView action);

    boolean rolledBack(ActionView action);
}
