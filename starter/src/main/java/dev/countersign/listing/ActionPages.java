package dev.countersign.listing;

import dev.countersign.task.ActionIds;
import dev.countersign.task.ActionPage;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pages a task's actions over all its runs, oldest first by number: the actions its earlier runs
 * archived (read through the {@link ArchivedActionReader}) merged with those its view
 * still holds, a live action replacing an archived copy with the same id. The counts stay those of
 * the whole task.
 */
public final class ActionPages {

    /** The page size of a read that names none. */
    public static final int DEFAULT_LIMIT = 50;

    private final ArchivedActionReader archive;

    /** @param archive where earlier runs' actions are read; {@link ArchivedActionReader#NONE} for none */
    public ActionPages(ArchivedActionReader archive) {
        this.archive = java.util.Objects.requireNonNull(archive, "archive");
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code after} is null or an action id and {@code
     * limit} is at least 1.
     */
    public static void requireValid(String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one action, was " + limit);
        }
        if (after != null && !ActionIds.isActionId(after)) {
            throw new IllegalArgumentException("after must be an action id such as a12, was '" + after + "'");
        }
    }

    /**
     * The view holding the actions after {@code after} (null for the first page), at most {@code
     * limit}, with the id of the next page's start when more may follow.
     */
    public TaskView page(TaskView view, String after, int limit) {
        requireValid(after, limit);
        long afterNumber = after == null ? 0 : ActionIds.number(after);
        NavigableMap<Long, ActionView> merged = new TreeMap<>();
        // One more than a page, so that a full page tells whether another follows.
        archived(view, afterNumber, limit == Integer.MAX_VALUE ? limit : limit + 1)
                .forEach(action -> merged.put(ActionIds.number(action.actionId()), action));
        for (ActionView action : view.actions()) {
            long number = ActionIds.number(action.actionId());
            if (number > afterNumber) {
                merged.put(number, action);
            }
        }
        List<ActionView> page = new ArrayList<>(limit);
        for (ActionView action : merged.values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(action);
        }
        boolean more = merged.size() > limit
                || (!page.isEmpty()
                        && ActionIds.number(page.get(page.size() - 1).actionId())
                                < view.counts().total());
        String next = more && !page.isEmpty() ? page.get(page.size() - 1).actionId() : null;
        return view.withPage(page, new ActionPage(after, limit, next));
    }

    private List<ActionView> archived(TaskView view, long afterNumber, int limit) {
        if (view.firstRunId() == null) {
            return List.of();
        }
        return archive.page(view.taskId(), view.firstRunId(), afterNumber, limit).stream()
                .filter(action -> ActionIds.isActionId(action.actionId()))
                .toList();
    }
}
