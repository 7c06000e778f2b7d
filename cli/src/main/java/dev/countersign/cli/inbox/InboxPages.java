package dev.countersign.cli.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiResponse;
import dev.countersign.cli.output.Json;

/** Reads the inbox a page at a time, following the server's {@code Link: rel="next"} headers. */
public final class InboxPages {

    /** The largest page the server gives. */
    public static final int MAX_LIMIT = 500;

    /** Enough pages for a million approvals; a server that links on beyond them is not followed. */
    static final int MAX_PAGES = 2000;

    private InboxPages() {}

    /** The first page (the server's default size), with the path of the next one. */
    public static ApiResponse first(ApiClient client) {
        return client.get("/api/approvals");
    }

    /** Every row of every page, in the server's order. */
    public static ArrayNode all(ApiClient client) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        String next = "/api/approvals?limit=" + MAX_LIMIT;
        for (int pages = 0; next != null && pages < MAX_PAGES; pages++) {
            ApiResponse page = client.get(next);
            for (JsonNode row : page.body()) {
                rows.add(row);
            }
            next = page.next();
        }
        return rows;
    }
}
