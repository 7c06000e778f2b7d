package dev.countersign.service.console.task;

import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.client.UnknownAgent;
import dev.countersign.history.TimelineEvent;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.service.console.ConsoleErrors;
import dev.countersign.service.console.ConsolePaths;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.approval.Refusals;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.TaskAccess;
import dev.countersign.task.ActionIds;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task list (with the demo refund form for requesters) and the task page: state and actions
 * (polled live), the timeline, and the boxes to guide the agent, answer its question or cancel. Only
 * tasks the user may read ({@link TaskAccess}) are listed; any other id is not found, as an unknown one.
 */
@Controller
@RequestMapping("/tasks")
public class TaskPagesController {

    static final int LIST_LIMIT = 100;

    /** How many actions the task page shows at once; a link leads to the later ones. */
    static final int PAGE_SIZE = ActionPages.DEFAULT_LIMIT;

    public static final String NOT_ALLOWED_TO_STEER =
            "Only the task's requester, its reviewers and operators may steer it; nothing was sent.";

    private final Countersign countersign;
    private final FieldLimits limits;
    private final TaskAccess access;

    public TaskPagesController(Countersign countersign, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.limits = limits;
        this.access = access;
    }

    @GetMapping
    String list(@ModelAttribute(name = "user", binding = false) ConsoleUser user, Model model) {
        model.addAttribute("tasks", access.readableReads(user.reviewer(), countersign.taskList(LIST_LIMIT)));
        if (!model.containsAttribute("demo")) {
            model.addAttribute("demo", DemoRefundForm.suggested());
        }
        model.addAttribute("problems", Map.of());
        return "tasks";
    }

    @PostMapping
    ModelAndView startDemoRefund(
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        if (!user.requester()) {
            return listAgain(
                    user,
                    params,
                    Map.of("", "Starting tasks needs a requester group; ask an operator."),
                    HttpStatus.FORBIDDEN);
        }
        DemoRefundForm demo = DemoRefundForm.from(params);
        Map<String, String> problems = demo.problems();
        if (!problems.isEmpty()) {
            return listAgain(user, params, problems, HttpStatus.BAD_REQUEST);
        }
        limits.goal(demo.goal());
        limits.input(demo.input());
        String taskId = "refund-" + UUID.randomUUID();
        try {
            countersign.start(new TaskStart(taskId, DemoRefundForm.AGENT, demo.goal(), demo.input(), user.name()));
        } catch (UnknownAgent unknown) {
            return listAgain(
                    user,
                    params,
                    Map.of("", "This server runs no demo support agent: " + unknown.getMessage()),
                    HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("notice", "Started " + demo.goal() + " A reviewer decides it from their inbox.");
        return new ModelAndView(ConsolePaths.redirectToTask(taskId));
    }

    /** The task page, with the page of its actions after the action {@code after} (the first page without). */
    @GetMapping("/{taskId}")
    ModelAndView task(
            @PathVariable String taskId,
            @RequestParam(required = false) String after,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user) {
        if (after != null && !ActionIds.isActionId(after)) {
            return badPage();
        }
        TaskRead read = access.readableRead(user.reviewer(), taskId, id -> countersign.read(id, after, PAGE_SIZE));
        if (!read.readable()) {
            ModelAndView page = new ModelAndView("task-unreadable");
            page.addObject("bad", read.unreadable());
            page.addObject("mayCancel", mayCancel(user, read));
            return page;
        }
        TaskView task = read.view();
        ModelAndView page = new ModelAndView("task");
        page.addObject("task", task);
        page.addObject("fingerprint", fingerprint(task));
        page.addObject("timeline", timeline(taskId));
        return page;
    }

    private static ModelAndView badPage() {
        return ConsoleErrors.page(
                HttpStatus.BAD_REQUEST,
                "That is not a page of this task's actions: 'after' must be an action id such as a12. Open the task"
                        + " from the task list.");
    }

    @GetMapping("/{taskId}/live")
    ModelAndView live(
            @PathVariable String taskId,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String seen,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            HttpServletResponse response) {
        if (after != null && !ActionIds.isActionId(after)) {
            return badPage();
        }
        TaskRead read = access.readableRead(user.reviewer(), taskId, id -> countersign.read(id, after, PAGE_SIZE));
        if (!read.readable()) {
            // The page shows a state that can no longer be read: load the page that says so.
            response.setHeader("HX-Redirect", ConsolePaths.task(taskId));
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        TaskView task = read.view();
        String fingerprint = fingerprint(task);
        if (fingerprint.equals(seen)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null; // nothing changed: htmx leaves the page alone
        }
        ModelAndView fragment = new ModelAndView("task :: live");
        fragment.addObject("task", task);
        fragment.addObject("fingerprint", fingerprint);
        return fragment;
    }

    @PostMapping("/{taskId}/guidance")
    String guide(
            @PathVariable String taskId,
            @RequestParam(required = false) String text,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "Guidance needs text: tell the agent what to do or consider.");
            return ConsolePaths.redirectToTask(taskId);
        }
        limits.text("guidance", text);
        String refusal = steeringRefusal(user, taskId);
        if (refusal != null) {
            redirect.addFlashAttribute("error", refusal);
            return ConsolePaths.redirectToTask(taskId);
        }
        try {
            countersign.guide(taskId, new TaskMessage(user.name(), text.strip()));
            redirect.addFlashAttribute("notice", "Your guidance was sent; the agent reads it before its next step.");
        } catch (TaskNotActive ended) {
            redirect.addFlashAttribute("error", "The task has ended, so it takes no more guidance.");
        }
        return ConsolePaths.redirectToTask(taskId);
    }

    @PostMapping("/{taskId}/answer")
    String answer(
            @PathVariable String taskId,
            @RequestParam(required = false) String text,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "An answer needs text, or one of the options.");
            return ConsolePaths.redirectToTask(taskId);
        }
        limits.text("answer", text);
        String refusal = steeringRefusal(user, taskId);
        if (refusal != null) {
            redirect.addFlashAttribute("error", refusal);
            return ConsolePaths.redirectToTask(taskId);
        }
        try {
            countersign.answer(taskId, new TaskMessage(user.name(), text.strip()));
            redirect.addFlashAttribute("notice", "Your answer was sent to the agent.");
        } catch (DecisionRefused refused) {
            redirect.addFlashAttribute("error", Refusals.message(refused));
        }
        return ConsolePaths.redirectToTask(taskId);
    }

    /**
     * Why the user may not steer the task now, or null: a task that cannot be read is refused at once
     * rather than after Temporal's own deadline.
     */
    private String steeringRefusal(ConsoleUser user, String taskId) {
        TaskRead read = access.readableRead(user.reviewer(), taskId, countersign::read);
        if (!read.readable()) {
            return "The task cannot be read right now, so it cannot be steered; cancel it, or an operator may"
                    + " terminate it.";
        }
        return TaskAccess.maySteer(user.reviewer(), user.operator(), read.live()) ? null : NOT_ALLOWED_TO_STEER;
    }

    @PostMapping("/{taskId}/cancel")
    ModelAndView cancel(
            @PathVariable String taskId,
            @RequestParam(required = false) String reason,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        limits.text("reason", reason);
        TaskRead read = access.readableRead(user.reviewer(), taskId, countersign::read);
        if (!mayCancel(user, read)) {
            return ConsoleErrors.page(HttpStatus.FORBIDDEN, "Only the task's requester or an operator may cancel it.");
        }
        if (!read.readable()) {
            return cancelUnreadable(read.unreadable(), user, reason, redirect);
        }
        try {
            countersign.cancel(taskId, new TaskMessage(user.name(), reason == null ? "" : reason.strip()));
            redirect.addFlashAttribute("notice", "The task is being cancelled.");
        } catch (DecisionRefused refused) {
            redirect.addFlashAttribute("error", Refusals.message(refused));
        } catch (TaskNotActive ended) {
            redirect.addFlashAttribute("error", "The task has already ended.");
        }
        return new ModelAndView(ConsolePaths.redirectToTask(taskId));
    }

    /**
     * A task that cannot answer still takes Temporal's cancellation request; it may not act on it,
     * which the notice says, so that an operator knows to terminate it.
     */
    private ModelAndView cancelUnreadable(
            UnreadableTask task, ConsoleUser user, String reason, RedirectAttributes redirect) {
        if (!task.isRunning()) {
            redirect.addFlashAttribute("error", "The task has already ended: " + task.status() + ".");
        } else {
            countersign.requestCancellation(
                    task.taskId(), new TaskMessage(user.name(), reason == null ? "" : reason.strip()));
            redirect.addFlashAttribute(
                    "notice",
                    "Temporal recorded the cancellation request. A task that cannot be read may not act on it;"
                            + " an operator may terminate it.");
        }
        return new ModelAndView(ConsolePaths.redirectToTask(task.taskId()));
    }

    /** Operators end a task at once, for example one that cannot be read; who and why are recorded. */
    @PostMapping("/{taskId}/terminate")
    ModelAndView terminate(
            @PathVariable String taskId,
            @RequestParam(required = false) String reason,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        if (!user.operator()) {
            return ConsoleErrors.page(HttpStatus.FORBIDDEN, "Only operators may terminate a task.");
        }
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "Terminating a task needs a reason; it is recorded with your name.");
            return new ModelAndView(ConsolePaths.redirectToTask(taskId));
        }
        limits.text("reason", reason);
        try {
            countersign.terminate(taskId, user.name(), reason.strip());
            redirect.addFlashAttribute("notice", "The task was terminated.");
        } catch (TaskNotActive ended) {
            redirect.addFlashAttribute("error", "The task has already ended.");
        }
        return new ModelAndView(ConsolePaths.redirectToTask(taskId));
    }

    private static boolean mayCancel(ConsoleUser user, TaskRead read) {
        return user.operator() || user.name().equals(read.requester());
    }

    private ModelAndView listAgain(
            ConsoleUser user, Map<String, String> params, Map<String, String> problems, HttpStatus status) {
        ModelAndView page = new ModelAndView("tasks", status);
        page.addObject("tasks", access.readableReads(user.reviewer(), countersign.taskList(LIST_LIMIT)));
        page.addObject("demo", DemoRefundForm.from(params));
        page.addObject("problems", problems);
        return page;
    }

    private List<TimelineEvent> timeline(String taskId) {
        try {
            return countersign.history(taskId).events();
        } catch (TaskNotFound gone) {
            return List.of();
        }
    }

    /** What the live part of the task page shows, in short; the poll answers 204 while it stays the same. */
    static String fingerprint(TaskView task) {
        StringBuilder shown = new StringBuilder()
                .append(task.status())
                .append('|')
                .append(task.pendingApprovalId())
                .append('|')
                .append(
                        task.pendingApproval() == null
                                ? ""
                                : task.pendingApproval().approvals())
                .append('|')
                .append(task.summary())
                .append('|')
                .append(task.counts())
                .append('|')
                .append(task.page() == null ? null : task.page().next());
        task.actions()
                .forEach(action -> shown.append('|')
                        .append(action.actionId())
                        .append(action.state())
                        .append(action.decisions().size()));
        return Integer.toHexString(shown.toString().hashCode());
    }
}
