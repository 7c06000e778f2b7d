package dev.countersign.service.console.approval;

import dev.countersign.activities.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pending call would change, as its tool previews it ({@link Tool#preview}), in lines the
 * approval page styles: asked when the page is shown, for exactly the arguments under review, and cut
 * for the page past {@value #MAX_LINES} lines or {@value #MAX_CHARS} characters.
 */
final class ChangePreview {

    static final int MAX_LINES = 500;
    static final int MAX_CHARS = 50_000;

    private static final Logger log = LoggerFactory.getLogger(ChangePreview.class);

    private ChangePreview() {}

    /** The preview's lines, none when the tool cannot say; a tool that fails says so in a line. */
    static List<PreviewLine> of(Optional<Tool> tool, Map<String, Object> args) {
        Optional<String> text;
        try {
            text = tool.flatMap(found -> found.preview(args));
        } catch (RuntimeException failed) {
            log.warn("The preview of {} failed: {}", tool.get().name(), failed.toString());
            text = Optional.of("The change could not be shown: " + failed.getMessage());
        }
        return text.filter(shown -> !shown.isBlank()).map(ChangePreview::lines).orElse(List.of());
    }

    static List<PreviewLine> lines(String text) {
        List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
        if (all.get(all.size() - 1).isEmpty()) {
            all.remove(all.size() - 1);
        }
        List<PreviewLine> lines = new ArrayList<>();
        boolean inHunk = false;
        int chars = 0;
        for (String line : all) {
            if (lines.size() == MAX_LINES || chars + line.length() > MAX_CHARS) {
                int left = all.size() - lines.size();
                lines.add(new PreviewLine(
                        "… cut here for the page: " + left + " more line" + (left == 1 ? "" : "s") + " not shown",
                        "cut"));
                break;
            }
            inHunk |= line.startsWith("@@");
            lines.add(new PreviewLine(line, kind(line, inHunk)));
            chars += line.length() + 1;
        }
        return lines;
    }

    private static String kind(String line, boolean inHunk) {
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (!inHunk) {
            boolean header = line.startsWith("--- ")
                    || line.startsWith("+++ ")
                    || line.startsWith("Index: ")
                    || line.startsWith("====");
            return header ? "file" : "note";
        }
        if (line.startsWith("+")) {
            return "added";
        }
        return line.startsWith("-") ? "removed" : "context";
    }
}
