package dev.countersign.listing;

import dev.countersign.task.TaskView;

/** One task as a listing read it: its view, or the row that says why it could not be read. */
public record TaskRead(String taskId, TaskView view, UnreadableTask unreadable) {

    public TaskRead {
        if (taskId == null || (view == null) == (unreadable == null)) {
            throw new IllegalArgumentException("a task read is either a view or an unreadable task");
        }
    }

    public static TaskRead of(TaskView view) {
        return new TaskRead(view.taskId(), view, null);
    }

    public static TaskRead of(UnreadableTask unreadable) {
        return new TaskRead(unreadable.taskId(), null, unreadable);
    }

    public boolean readable() {
        return view != null;
    }

    /** Who started the task, when known. */
    public String requester() {
        return view != null ? view.requester() : unreadable.requester();
    }

    /** What a listing shows for it: the task's view, or the unreadable row. */
    public Object entry() {
        return view != null ? view : unreadable;
    }
}
