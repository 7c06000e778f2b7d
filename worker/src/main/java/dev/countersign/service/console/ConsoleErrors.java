package dev.countersign.service.console;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** The console's error page for a status: a title and an explanation that says what to do next. */
public final class ConsoleErrors {

    public static final String VIEW = "error";

    private ConsoleErrors() {}

    public static ModelAndView page(HttpStatusCode status, String explanation) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error " + status.value() : title(known);
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addAllObjects(Map.of(
                "status",
                status.value(),
                "heading",
                title,
                "explanation",
                explanation == null || explanation.isBlank() ? defaultExplanation(status.value()) : explanation));
        return page;
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case BAD_REQUEST -> "That request was not understood";
            case SERVICE_UNAVAILABLE -> "Not available";
            case CONFLICT -> "Something changed";
            default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
        };
    }

    private static String defaultExplanation(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. It may have been decided or removed; go back to the inbox.";
            case 403 -> "You are signed in, but your groups do not allow this.";
            case 400 -> "The request was not valid. Go back and check the form.";
            default ->
                status >= 500
                        ? "The server could not complete this. It has been logged; try again, or ask an operator."
                        : "The request could not be completed.";
        };
    }
}
