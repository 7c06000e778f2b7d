package dev.countersign.service.console.approval;

/**
 * One line of a call's change preview on the approval page, with its kind for the page's styling:
 * {@code file} (the diff's file headers), {@code hunk} ({@code @@} lines), {@code added}, {@code
 * removed}, {@code context}, or {@code note} (words, such as why the change could not be shown).
 */
public record PreviewLine(String text, String kind) {

    /** The line as the page's {@code <pre>} shows it, with its line break. */
    public String shown() {
        return text + "\n";
    }

    /** The CSS class of the line. */
    public String cssClass() {
        return "diff-" + kind;
    }
}
