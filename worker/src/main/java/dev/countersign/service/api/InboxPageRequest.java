package dev.countersign.service.api;

/**
 * The paging parameters of GET /api/approvals, checked: {@code limit} tasks a page, 1 to {@value
 * #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), after the page {@code pageToken} names (null for the
 * first).
 */
record InboxPageRequest(int limit, String pageToken) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TOKEN_LENGTH = 4096;

    static InboxPageRequest of(String limit, String pageToken) {
        return new InboxPageRequest(limit(limit), token(pageToken));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as an out-of-range number is
        }
        throw ApiProblem.badRequest(
                ApiProblem.INVALID_REQUEST,
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + shown(limit) + "'");
    }

    private static String token(String pageToken) {
        if (pageToken == null) {
            return null;
        }
        if (pageToken.isEmpty() || pageToken.length() > MAX_TOKEN_LENGTH || !pageToken.matches("[A-Za-z0-9_-]+")) {
            throw invalidToken();
        }
        return pageToken;
    }

    static ApiProblem invalidToken() {
        return ApiProblem.badRequest(
                ApiProblem.INVALID_REQUEST,
                "pageToken is not a token this server issued: ask for the first page again (without pageToken)");
    }

    /** The link to the page after this one. */
    String nextLink(String nextPageToken) {
        return "</api/approvals?limit=" + limit + "&pageToken=" + nextPageToken + ">; rel=\"next\"";
    }

    private static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
