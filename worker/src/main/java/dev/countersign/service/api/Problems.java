package dev.countersign.service.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Builds the API's problem bodies: a type URI under {@value #TYPE_BASE} named after the code, a
 * title spelled from the code, and the code itself as a {@code code} property.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://countersign.dev/problems/";
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + words(code, "-").toLowerCase()));
        problem.setTitle(capitalized(words(code, " ").toLowerCase()));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The problem's members as its JSON body has them, in RFC 9457's order and its extension members
     * (such as {@code code}) at the top level: for writers outside Spring MVC and for problems nested
     * in another answer.
     */
    public static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** Writes "about:blank" out, which Spring leaves implicit, so every problem has a type. */
    static void typeDefault(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
    }

    public static URI instance(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        try {
            return new URI(uri);
        } catch (URISyntaxException unusual) {
            return null;
        }
    }

    static String location(JacksonException failure) {
        TokenStreamLocation location = failure.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The part of the body a Jackson failure is about, as {@code 'args.items[0]'}; never a Java type. */
    static String jsonPath(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }

    /** Drops Jackson's "[Source: ...]" notes, which say nothing to a client. */
    static String withoutSource(String message) {
        return message == null
                ? ""
                : message.replaceAll("\\s*\\(for [^()]* starting at \\[Source: .*?]\\)", "")
                        .replaceAll("\\s*\\[Source: .*?]", "");
    }

    /** "StaleArgsDigest" becomes "Stale-Args-Digest" with "-" as the separator. */
    private static String words(String code, String separator) {
        return code.replaceAll("(?<=[a-z0-9])(?=[A-Z])", separator);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
