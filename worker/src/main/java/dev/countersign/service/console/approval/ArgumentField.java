package dev.countersign.service.console.approval;

import java.util.List;

/**
 * One input of the edit form, generated from the tool's argument schema: the HTML control to use
 * ({@code number}, {@code text}, {@code select}, {@code json}), its constraints, the value to show
 * and, after a failed submit, what was wrong with it.
 */
public record ArgumentField(
        String name,
        String type,
        String description,
        boolean required,
        String control,
        String step,
        String min,
        String max,
        String pattern,
        Integer maxLength,
        List<String> options,
        String value,
        String error) {

    public ArgumentField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The form parameter that carries this argument. */
    public String param() {
        return EditArguments.PARAM_PREFIX + name;
    }

    /** The HTML id of the input, unique on the page. */
    public String inputId() {
        return "arg-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
