package dev.countersign.activities.tool;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context, as a reviewer reads it in
 * a tool's {@link Tool#preview}. Texts over {@value #MAX_LINES} lines or {@value #MAX_CHARS}
 * characters are not compared: the answer says how large they are instead.
 */
public final class UnifiedDiff {

    /** Texts with more lines than this are not compared. */
    public static final int MAX_LINES = 2_000;

    /** Texts with more characters than this are not compared. */
    public static final int MAX_CHARS = 200_000;

    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {}

    /**
     * The changes from {@code before} to {@code after} of the file {@code label}, or an empty string
     * when the two are the same.
     *
     * @param before the text now; null for a file that does not exist yet (all lines are added)
     */
    public static String between(String label, String before, String after) {
        List<String> old = lines(before == null ? "" : before);
        List<String> now = lines(after);
        if (tooLarge(before == null ? "" : before, old) || tooLarge(after, now)) {
            return "too large to compare: " + old.size() + " lines now, " + now.size() + " lines after";
        }
        List<Line> script = script(old, now);
        if (script.stream().allMatch(line -> line.kind == ' ')) {
            return "";
        }
        StringBuilder diff = new StringBuilder()
                .append("--- ")
                .append(before == null ? "/dev/null" : label)
                .append('\n')
                .append("+++ ")
                .append(label)
                .append('\n');
        hunks(script, diff);
        return diff.toString();
    }

    private static boolean tooLarge(String text, List<String> lines) {
        return lines.size() > MAX_LINES || text.length() > MAX_CHARS;
    }

    /** The lines of a text, each with its line break, the last one without where the text has none. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, next));
            start = next;
        }
        return lines;
    }

    private record Line(char kind, String text) {}

    /** The shortest edit script: each old line kept or removed, each new line kept or added. */
    private static List<Line> script(List<String> old, List<String> now) {
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.size() - prefix
                && suffix < now.size() - prefix
                && old.get(old.size() - 1 - suffix).equals(now.get(now.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> a = old.subList(prefix, old.size() - suffix);
        List<String> b = now.subList(prefix, now.size() - suffix);
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> script = new ArrayList<>();
        old.subList(0, prefix).forEach(line -> script.add(new Line(' ', line)));
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                script.add(new Line(' ', a.get(i++)));
                j++;
            } else if (j == b.size() || i < a.size() && common[i + 1][j] >= common[i][j + 1]) {
                script.add(new Line('-', a.get(i++)));
            } else {
                script.add(new Line('+', b.get(j++)));
            }
        }
        old.subList(old.size() - suffix, old.size()).forEach(line -> script.add(new Line(' ', line)));
        return script;
    }

    private static void hunks(List<Line> script, StringBuilder diff) {
        int[] oldBefore = new int[script.size() + 1];
        int[] newBefore = new int[script.size() + 1];
        for (int k = 0; k < script.size(); k++) {
            char kind = script.get(k).kind;
            oldBefore[k + 1] = oldBefore[k] + (kind == '+' ? 0 : 1);
            newBefore[k + 1] = newBefore[k] + (kind == '-' ? 0 : 1);
        }
        int k = 0;
        while (k < script.size()) {
            if (script.get(k).kind == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int lastChange = k;
            for (int next = k + 1; next < script.size() && next <= lastChange + 2 * CONTEXT; next++) {
                if (script.get(next).kind != ' ') {
                    lastChange = next;
                }
            }
            int end = Math.min(script.size(), lastChange + 1 + CONTEXT);
            int oldCount = oldBefore[end] - oldBefore[start];
            int newCount = newBefore[end] - newBefore[start];
            diff.append("@@ -")
                    .append(oldCount == 0 ? oldBefore[start] : oldBefore[start] + 1)
                    .append(',')
                    .append(oldCount)
                    .append(" +")
                    .append(newCount == 0 ? newBefore[start] : newBefore[start] + 1)
                    .append(',')
                    .append(newCount)
                    .append(" @@\n");
            for (Line line : script.subList(start, end)) {
                boolean broken = line.text.endsWith("\n");
                diff.append(line.kind)
                        .append(broken ? line.text.substring(0, line.text.length() - 1) : line.text)
                        .append('\n');
                if (!broken) {
                    diff.append(NO_NEWLINE).append('\n');
                }
            }
            k = end;
        }
    }
}
