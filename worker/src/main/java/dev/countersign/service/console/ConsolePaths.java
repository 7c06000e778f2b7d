package dev.countersign.service.console;

import org.springframework.web.util.UriComponentsBuilder;

/** Redirect targets built from ids that came in a request, encoded so that an id can only name a page. */
public final class ConsolePaths {

    private ConsolePaths() {}

    public static String redirectToApproval(String approvalId) {
        return "redirect:" + path("/approvals/{id}", approvalId);
    }

    public static String redirectToTask(String taskId) {
        return "redirect:" + task(taskId);
    }

    /** The task's page, for an htmx redirect. */
    public static String task(String taskId) {
        return path("/tasks/{id}", taskId);
    }

    private static String path(String template, String id) {
        return UriComponentsBuilder.fromPath(template)
                .buildAndExpand(id)
                .encode()
                .toUriString();
    }
}
