package dev.countersign.stats;

import dev.countersign.task.ActionView;

/** Reads what post-action review said of an executed call. */
interface ReviewMarks {

    ReviewMarks FROM_VIEW = new ReviewMarks() {
        @Override
        public boolean flagged(ActionView action) {
            return false;
        }

        @Override
        public boolean rolledBack(ActionView action) {
            return false;
        }
    };

    boolean flagged(ActionView action);

    boolean rolledBack(ActionView action);
}
