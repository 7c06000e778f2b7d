package dev.countersign.cli.api;

/** Reason phrases for the statuses a person is likely to meet; the JDK's client does not keep them. */
final class HttpStatusText {

    private HttpStatusText() {}

    static String of(int status) {
        String phrase = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
        return "HTTP " + status + (phrase != null ? " " + phrase : "");
    }
}
