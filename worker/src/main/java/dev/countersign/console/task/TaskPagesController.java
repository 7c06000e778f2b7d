package dev.countersign.console.task;

import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.client.UnknownAgent;
import dev.countersign.console.ConsoleErrors;
import dev.countersign.console.ConsolePaths;
import dev.countersign.console.ConsoleUser;
import dev.countersign.console.approval.Refusals;
import dev.countersign.history.TimelineEvent;
import dev.countersign.limits.FieldLimits;
import dev.countersign.security.TaskAccess;
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

    @GetMapping("/{taskId}")
    String task(
            @PathVariable String taskId,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            Model model) {
        TaskView task = find(user, taskId);
        model.addAttribute("task", task);
        model.addAttribute("fingerprint", fingerprint(task));
        model.addAttribute("timeline", timeline(taskId));
        return "task";
    }

    @GetMapping("/{taskId}/live")
    ModelAndView live(
            @PathVariable String taskId,
            @RequestParam(required = false) String seen,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            HttpServletResponse response) {
        TaskView task = find(user, taskId);
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
        if (!maySteer(user, taskId)) {
            redirect.addFlashAttribute("error", NOT_ALLOWED_TO_STEER);
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
        if (!maySteer(user, taskId)) {
            redirect.addFlashAttribute("error", NOT_ALLOWED_TO_STEER);
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

    private boolean maySteer(ConsoleUser user, String taskId) {
        return TaskAccess.maySteer(user.reviewer(), user.operator(), find(user, taskId));
    }

    @PostMapping("/{taskId}/cancel")
    ModelAndView cancel(
            @PathVariable String taskId,
            @RequestParam(required = false) String reason,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        limits.text("reason", reason);
        TaskView task = find(user, taskId);
        if (!user.name().equals(task.requester()) && !user.operator()) {
            return ConsoleErrors.page(HttpStatus.FORBIDDEN, "Only the task's requester or an operator may cancel it.");
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

    private ModelAndView listAgain(
            ConsoleUser user, Map<String, String> params, Map<String, String> problems, HttpStatus status) {
        ModelAndView page = new ModelAndView("tasks", status);
        page.addObject("tasks", access.readableReads(user.reviewer(), countersign.taskList(LIST_LIMIT)));
        page.addObject("demo", DemoRefundForm.from(params));
        page.addObject("problems", problems);
        return page;
    }

    private TaskView find(ConsoleUser user, String taskId) {
        return access.readable(user.reviewer(), taskId, countersign::task);
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
                .append(task.summary());
        task.actions()
                .forEach(action -> shown.append('|')
                        .append(action.actionId())
                        .append(action.state())
                        .append(action.decisions().size()));
        return Integer.toHexString(shown.toString().hashCode());
    }
}
