package dev.countersign.security;

import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may steer a task (send guidance, answer the agent's question): the person who requested it,
 * the members of any group the policy named as its reviewers, and operators. Decisions, reviews and
 * cancellation have rules of their own, checked where they are made.
 */
public final class TaskAccess {

    private TaskAccess() {}

    /** {@code operator}: whether the caller is in the operator groups. */
    public static boolean maySteer(Reviewer caller, boolean operator, TaskView task) {
        return operator || caller.name().equals(task.requester()) || caller.inAnyOf(reviewerGroups(task));
    }

    /** The groups that review the task's calls (every tier named, the pending one's included), sorted. */
    public static Set<String> reviewerGroups(TaskView task) {
        Set<String> groups = task.actions().stream()
                .map(ActionView::reviewerGroups)
                .flatMap(Collection::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        if (task.pendingApproval() != null) {
            groups.addAll(task.pendingApproval().groups());
        }
        return groups;
    }
}
