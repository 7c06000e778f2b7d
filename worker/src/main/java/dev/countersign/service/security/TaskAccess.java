package dev.countersign.service.security;

import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.client.TaskNotFound;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read and who may steer a task. A task's people are the person who requested it and the
 * members of any group the policy named as its reviewers. Steering (guidance, answers) is for them
 * and operators. Reading depends on the {@link ReadScope}: with {@code all} everyone signed in reads
 * every task; with {@code involved} only its people, operators and admins do, and a task someone
 * may not read answers exactly as an unknown id does, so that its existence does not leak. Decisions,
 * reviews and cancellation have rules of their own, checked where they are made.
 */
public class TaskAccess {

    private static final Logger log = LoggerFactory.getLogger(TaskAccess.class);

    private final ReadScope scope;
    private final List<String> operatorGroups;
    private final List<String> adminGroups;

    public TaskAccess(ReadScope scope, Collection<String> operatorGroups, Collection<String> adminGroups) {
        this.scope = scope;
        this.operatorGroups = List.copyOf(operatorGroups);
        this.adminGroups = List.copyOf(adminGroups);
    }

    public static TaskAccess of(CountersignSecurityProperties security) {
        return new TaskAccess(security.readScope(), security.operatorGroups(), security.adminGroups());
    }

    /** Whether the caller reads every task without looking at it: the scope is all, or an operator or admin. */
    public boolean readsEveryTask(Reviewer caller) {
        return scope == ReadScope.ALL || caller.inAnyOf(operatorGroups) || caller.inAnyOf(adminGroups);
    }

    public boolean mayRead(Reviewer caller, TaskView task) {
        return readsEveryTask(caller) || involved(caller, task);
    }

    /** The tasks of a listing that the caller may read, in their order. */
    public List<TaskView> readable(Reviewer caller, List<TaskView> tasks) {
        if (readsEveryTask(caller)) {
            return tasks;
        }
        return tasks.stream().filter(task -> involved(caller, task)).toList();
    }

    /** The task if it exists and the caller may read it; empty for an unknown task and for one out of scope alike. */
    public Optional<TaskView> readable(Reviewer caller, Optional<TaskView> task) {
        if (task.isEmpty() || mayRead(caller, task.get())) {
            return task;
        }
        log.info(
                "'{}' may not read task {} (read scope {}); it answers as not found",
                LogSafe.text(caller.name()),
                LogSafe.text(task.get().taskId()),
                scope.name().toLowerCase(Locale.ROOT));
        return Optional.empty();
    }

    /**
     * The task, read with {@code tasks}, if the caller may read it; otherwise the {@link TaskNotFound}
     * an unknown id gets ({@code no task 'id'}).
     */
    public TaskView readable(Reviewer caller, String taskId, Function<String, Optional<TaskView>> tasks) {
        return readable(caller, tasks.apply(taskId)).orElseThrow(() -> notFound(taskId));
    }

    /**
     * Throws the {@link TaskNotFound} an unknown id gets unless the caller may read the task; reads it
     * with {@code tasks} only when the caller does not read every task anyway.
     */
    public void requireReadable(Reviewer caller, String taskId, Function<String, Optional<TaskView>> tasks) {
        if (!readsEveryTask(caller)) {
            readable(caller, taskId, tasks);
        }
    }

    /**
     * Whether the caller may see a task as a listing read it: its live view (never one page of its
     * actions, so that every page answers alike) by the rule above; a task that
     * could not be read, by what its search attributes say (its requester, the groups it awaits), and
     * always for those who read every task.
     */
    public boolean mayRead(Reviewer caller, TaskRead read) {
        if (read.readable()) {
            return mayRead(caller, read.live());
        }
        UnreadableTask row = read.unreadable();
        return readsEveryTask(caller) || caller.name().equals(row.requester()) || caller.inAnyOf(row.awaitingGroups());
    }

    /** The entries of a listing that the caller may see, in their order. */
    public List<TaskRead> readableReads(Reviewer caller, List<TaskRead> reads) {
        return reads.stream().filter(read -> mayRead(caller, read)).toList();
    }

    /**
     * The task as read within the listing's deadline, if the caller may see it; otherwise the {@link
     * TaskNotFound} an unknown id gets.
     */
    public TaskRead readableRead(Reviewer caller, String taskId, Function<String, Optional<TaskRead>> reads) {
        return reads.apply(taskId).filter(read -> mayRead(caller, read)).orElseThrow(() -> notFound(taskId));
    }

    /**
     * Whether the caller may read the task of a pending approval. The approval alone says yes for its
     * requester and the current tier's groups; only for others is the task read, with {@code task}.
     */
    public boolean mayRead(Reviewer caller, PendingApproval approval, Supplier<Optional<TaskView>> task) {
        if (readsEveryTask(caller) || caller.name().equals(approval.requester()) || caller.inAnyOf(approval.groups())) {
            return true;
        }
        return readable(caller, task.get()).isPresent();
    }

    /** The pending approval with this id, if the caller may read its task ({@link #mayRead}). */
    public Optional<PendingApproval> readableApproval(Reviewer caller, String approvalId, Countersign countersign) {
        return countersign
                .approval(approvalId)
                .filter(approval -> mayRead(caller, approval, () -> countersign.task(approval.taskId())));
    }

    /**
     * Whether the caller reads what tasks wrote outside Countersign, such as the demo ledger with its
     * customers' emails and amounts: everyone with scope all, only operators with scope involved.
     */
    public boolean mayReadLedger(Reviewer caller) {
        return scope == ReadScope.ALL || caller.inAnyOf(operatorGroups);
    }

    public List<String> operatorGroups() {
        return operatorGroups;
    }

    /** {@code operator}: whether the caller is in the operator groups. */
    public static boolean maySteer(Reviewer caller, boolean operator, TaskView task) {
        return operator || involved(caller, task);
    }

    /**
     * The groups that review the task's calls (every tier named, the pending ones' included, over
     * every run of a task that continued as new), sorted.
     */
    public static Set<String> reviewerGroups(TaskView task) {
        Set<String> groups = task.actions().stream()
                .map(ActionView::reviewerGroups)
                .flatMap(Collection::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        if (task.pendingApproval() != null) {
            groups.addAll(task.pendingApproval().groups());
        }
        task.pendingApprovals().forEach(pending -> groups.addAll(pending.groups()));
        groups.addAll(task.reviewerGroups());
        return groups;
    }

    private static boolean involved(Reviewer caller, TaskView task) {
        return caller.name().equals(task.requester()) || caller.inAnyOf(reviewerGroups(task));
    }

    private static TaskNotFound notFound(String taskId) {
        return new TaskNotFound("no task '" + taskId + "'");
    }
}
