package dev.countersign.activities.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the web console, where a reviewer signs in before any decision is taken. */
record ConsoleLinks(String base) {

    ConsoleLinks(URI consoleUrl) {
        this(withoutTrailingSlash(consoleUrl.toString()));
    }

    String approval(String approvalId) {
        return base + "/approvals/"
                + URLEncoder.encode(approvalId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String decide(String approvalId, String decision) {
        return approval(approvalId) + "?decision=" + decision;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
