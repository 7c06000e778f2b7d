package dev.countersign.service.console.inbox;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.approval.Risk;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox: the page, the rows fragment its htmx poll asks for (204 when nothing changed), and
 * bulk approval of selected rows of one rule.
 */
@Controller
@RequestMapping("/inbox")
public class InboxController {

    private final Inbox inbox;
    private final BulkApproval bulk;
    private final ToolRegistry tools;

    public InboxController(Inbox inbox, BulkApproval bulk, ToolRegistry tools) {
        this.inbox = inbox;
        this.bulk = bulk;
        this.tools = tools;
    }

    @GetMapping
    String page(
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String group,
            Model model) {
        InboxFilter filter = new InboxFilter(tool, risk, group);
        rowsModel(model.asMap(), user, filter, Set.of());
        model.addAttribute("filter", filter);
        model.addAttribute("tools", tools.names());
        model.addAttribute("risks", List.of(Risk.MEDIUM, Risk.HIGH));
        model.addAttribute("groups", user.sortedGroups());
        return "inbox";
    }

    @GetMapping("/rows")
    ModelAndView rows(
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String seen,
            @RequestParam(name = "selected", required = false) List<String> selected,
            HttpServletResponse response) {
        ModelAndView fragment = new ModelAndView("inbox :: rows");
        String fingerprint = rowsModel(
                fragment.getModel(),
                user,
                new InboxFilter(tool, risk, group),
                selected == null ? Set.of() : Set.copyOf(selected));
        if (fingerprint.equals(seen)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null; // htmx swaps nothing on 204: focus and selection stay as they are
        }
        return fragment;
    }

    @PostMapping("/approve")
    String approve(
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            @RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String group,
            RedirectAttributes redirect) {
        List<Selection> selections = selected == null
                ? List.of()
                : selected.stream()
                        .map(Selection::parse)
                        .flatMap(Optional::stream)
                        .toList();
        BulkApproval.Outcome outcome = bulk.approve(user, selections, comment == null ? "" : comment.strip());
        if (outcome.problem() != null) {
            redirect.addFlashAttribute("error", outcome.problem());
        } else {
            redirect.addFlashAttribute("bulkResults", outcome.results());
        }
        return "redirect:" + inboxUrl(new InboxFilter(tool, risk, group));
    }

    private String rowsModel(Map<String, Object> model, ConsoleUser user, InboxFilter filter, Set<String> selected) {
        Inbox.Page page = inbox.page(user, filter, selected);
        String fingerprint = inbox.fingerprint(page);
        model.put("rows", page.rows());
        model.put("unreadable", page.unreadable());
        model.put("more", page.more());
        model.put("pageSize", Inbox.PAGE_SIZE);
        model.put("fingerprint", fingerprint);
        model.put(
                "pollUrl",
                UriComponentsBuilder.fromUriString(inboxUrl(filter))
                        .path("/rows")
                        .queryParam("seen", fingerprint)
                        .build()
                        .toUriString());
        return fingerprint;
    }

    static String inboxUrl(InboxFilter filter) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/inbox");
        if (filter.tool() != null) {
            url.queryParam("tool", filter.tool());
        }
        if (filter.risk() != null) {
            url.queryParam("risk", filter.risk());
        }
        if (filter.group() != null) {
            url.queryParam("group", filter.group());
        }
        return url.encode().build().toUriString();
    }
}
