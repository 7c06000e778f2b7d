package dev.countersign.listing;

import dev.countersign.task.TaskView;

/**
 * One task as a listing read it: its view, or the row that says why it could not be read. A paged
 * read keeps, beside the page ({@code view}), the {@code live} view the task's current run answered,
 * with all the actions it still holds: who may read or steer the task is decided on that one, so
 * that every page of a task answers alike.
 */
public record TaskRead(String taskId, TaskView view, UnreadableTask unreadable, TaskView live) {

    public TaskRead {
        if (taskId == null || (view == null) == (unreadable == null)) {
            throw new IllegalArgumentException("a task read is either a view or an unreadable task");
        }
        live = live == null ? view : live;
    }

    public TaskRead(String taskId, TaskView view, UnreadableTask unreadable) {
        this(taskId, view, unreadable, view);
    }

    public static TaskRead of(TaskView view) {
        return new TaskRead(view.taskId(), view, null, view);
    }

    /** A page of the task's actions ({@code page}) read from its {@code live} view. */
    public static TaskRead paged(TaskView live, TaskView page) {
        return new TaskRead(page.taskId(), page, null, live);
    }

    public static TaskRead of(UnreadableTask unreadable) {
        return new TaskRead(unreadable.taskId(), null, unreadable, null);
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
