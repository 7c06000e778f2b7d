package dev.countersign.service.api;

import dev.countersign.client.Countersign;
import dev.countersign.client.StartedTask;
import dev.countersign.client.TaskNotActive;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.LogSafe;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import dev.countersign.task.ActionIds;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starts, lists, reads, steers and cancels agent tasks on behalf of the authenticated caller. A task
 * the caller may not read ({@link TaskAccess}) answers 404 here as an unknown id does, whatever is
 * asked of it.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
public class TaskController {

    static final int MAX_LIMIT = 500;

    /** The most actions one read of a task holds: a page of them stays well under 1 MB. */
    static final int MAX_PAGE = 200;

    private final Countersign countersign;
    private final CountersignSecurityProperties security;
    private final FieldLimits limits;
    private final TaskAccess access;

    public TaskController(
            Countersign countersign, CountersignSecurityProperties security, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.security = security;
        this.limits = limits;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TaskStarted> start(@RequestBody StartTaskRequest body, Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!caller.inAnyOf(security.requesterGroups())) {
            throw ApiProblem.forbidden(
                    "NotARequester", "starting a task needs one of the groups " + security.requesterGroups());
        }
        limits.goal(body.goal());
        limits.input(body.input());
        String taskId = body.taskId() == null ? "task-" + UUID.randomUUID() : body.taskId();
        TaskStart start = ApiProblem.valid(
                ApiProblem.INVALID_REQUEST,
                () -> new TaskStart(taskId, body.agent(), body.goal(), body.input(), caller.name()));
        StartedTask started = countersign.start(start);
        TaskStarted answer = new TaskStarted(started.taskId(), started.status());
        if (!started.created()) {
            return ResponseEntity.ok(answer);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{taskId}")
                .buildAndExpand(started.taskId())
                .toUri();
        return ResponseEntity.created(location).body(answer);
    }

    /**
     * Tasks, newest first: each a task's view, or, for a task that cannot be read within {@code
     * countersign.listing.read-timeout}, an {@link UnreadableTask} row ({@code status} {@code
     * UNREADABLE} or how its workflow ended, and an {@code error}).
     */
    @GetMapping
    public List<Object> list(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "limit must lie between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return access.readableReads(CurrentUser.of(authentication), countersign.taskList(limit)).stream()
                .map(TaskRead::entry)
                .toList();
    }

    /**
     * The task's view, read within {@code countersign.listing.read-timeout}, holding one page of the
     * actions of all its runs: at most {@code limit} (default 50, at most 200) after the action
     * {@code after}, with {@code page.next} to ask for the next page with. A task that cannot be read
     * then is answered with its {@link UnreadableTask} row rather than after a long wait.
     */
    @GetMapping("/{taskId}")
    public Object task(
            @PathVariable String taskId,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "" + ActionPages.DEFAULT_LIMIT) int limit,
            Authentication authentication) {
        requireValidPage(after, limit);
        return access.readableRead(CurrentUser.of(authentication), taskId, id -> countersign.read(id, after, limit))
                .entry();
    }

    /** Refuses, naming the parameter, a page the facade would refuse, and one larger than the API answers. */
    static void requireValidPage(String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "limit must lie between 1 and " + MAX_PAGE + ", was " + limit);
        }
        if (after != null && !ActionIds.isActionId(after)) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    "after must be an action id such as a12 (a page's next), was '" + LogSafe.text(after) + "'");
        }
    }

    @PostMapping(path = "/{taskId}/guidance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void guide(@PathVariable String taskId, @RequestBody MessageRequest body, Authentication authentication) {
        steer(authentication, taskId, body, "guidance needs text", countersign::guide);
    }

    @PostMapping(path = "/{taskId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void answer(@PathVariable String taskId, @RequestBody MessageRequest body, Authentication authentication) {
        steer(authentication, taskId, body, "an answer needs text", countersign::answer);
    }

    /** Checks the text and that the caller may steer the task, then sends it. */
    private void steer(
            Authentication authentication,
            String taskId,
            MessageRequest body,
            String whenEmpty,
            BiConsumer<String, TaskMessage> send) {
        TaskMessage message = message(authentication, "text", body.text(), whenEmpty);
        requireSteering(authentication, taskId);
        send.accept(taskId, message);
    }

    private void requireSteering(Authentication authentication, String taskId) {
        Reviewer caller = CurrentUser.of(authentication);
        TaskView task = find(caller, taskId);
        if (!TaskAccess.maySteer(caller, caller.inAnyOf(security.operatorGroups()), task)) {
            throw ApiProblem.forbidden(
                    "NotAllowedToSteer",
                    "only the task's requester, its reviewers " + TaskAccess.reviewerGroups(task) + " and members of "
                            + security.operatorGroups() + " may steer it");
        }
    }

    @PostMapping("/{taskId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void cancel(
            @PathVariable String taskId,
            @RequestBody(required = false) CancelRequest body,
            Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        limits.text("reason", body == null ? null : body.reason());
        TaskRead read = access.readableRead(caller, taskId, countersign::read);
        if (!caller.name().equals(read.requester()) && !caller.inAnyOf(security.operatorGroups())) {
            throw ApiProblem.forbidden(
                    "NotRequesterOrOperator",
                    "only the task's requester or a member of " + security.operatorGroups() + " may cancel it");
        }
        TaskMessage reason = new TaskMessage(caller.name(), body == null || body.reason() == null ? "" : body.reason());
        if (!read.readable()) {
            cancelUnreadable(read.unreadable(), body, reason);
            return;
        }
        TaskView task = read.view();
        if (task.status() != null && task.status().closed()) {
            throw new TaskNotActive("task '" + taskId + "' already ended: " + task.status());
        }
        if (body != null && body.rollsBack()) {
            countersign.cancelAndRollBack(taskId, reason);
        } else {
            countersign.cancel(taskId, reason);
        }
    }

    /**
     * A task that cannot answer still takes Temporal's cancellation request; a rollback cannot be
     * promised, since the task would have to run its compensations.
     */
    private void cancelUnreadable(UnreadableTask task, CancelRequest body, TaskMessage reason) {
        if (!task.isRunning()) {
            throw new TaskNotActive("task '" + task.taskId() + "' already ended: " + task.status());
        }
        if (body != null && body.rollsBack()) {
            throw ApiProblem.conflict(
                    "TaskUnreadable",
                    "task '" + task.taskId() + "' cannot be read (" + task.error()
                            + "), so it cannot roll back now; cancel it without rollback, or an operator may"
                            + " terminate it");
        }
        countersign.requestCancellation(task.taskId(), reason);
    }

    /**
     * Operators end a task at once, for example one that cannot be read; who and why are recorded in
     * its workflow's history ("terminated by olga: ...") and in the log.
     */
    @PostMapping(path = "/{taskId}/terminate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TaskTerminated terminate(
            @PathVariable String taskId, @RequestBody TerminateRequest body, Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!caller.inAnyOf(security.operatorGroups())) {
            throw ApiProblem.forbidden(
                    "NotAnOperator", "only members of " + security.operatorGroups() + " may terminate a task");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST, "terminating a task needs a reason, recorded with who terminated it");
        }
        String reason = body.reason().strip();
        countersign.terminate(taskId, caller.name(), reason);
        return new TaskTerminated(taskId, "TERMINATED", caller.name(), reason);
    }

    /**
     * The task, read within the listing's deadline; one that cannot be read is refused at once (409
     * TaskUnreadable) rather than after Temporal's own deadline.
     */
    private TaskView find(Reviewer caller, String taskId) {
        TaskRead read = access.readableRead(caller, taskId, countersign::read);
        if (!read.readable()) {
            throw ApiProblem.conflict(
                    "TaskUnreadable",
                    "task '" + taskId + "' cannot be read (" + read.unreadable().error()
                            + "); it cannot be steered now: cancel it, or an operator may terminate it");
        }
        return read.live();
    }

    private TaskMessage message(Authentication authentication, String field, String text, String whenEmpty) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest(ApiProblem.INVALID_REQUEST, whenEmpty);
        }
        limits.text(field, text);
        return new TaskMessage(CurrentUser.of(authentication).name(), text);
    }
}
