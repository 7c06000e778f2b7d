package dev.countersign.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A plain text table with a header row and two spaces between columns, fitted to the terminal: the
 * flexible column (best the last, as it has any length) is cut to fit; when that would leave it
 * cramped, the columns marked droppable are left out first, in the order given.
 */
public final class Table {

    static final int MIN_FLEXIBLE_WIDTH = 16;
    static final int COMFORTABLE_FLEXIBLE_WIDTH = 32;
    private static final String GAP = "  ";

    private final List<String> headers;
    private final int flexibleColumn;
    private final List<Integer> droppable = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers, int flexibleColumn) {
        this.headers = headers.stream().map(Text::oneLine).toList();
        this.flexibleColumn = flexibleColumn;
    }

    /** A table whose column named {@code flexible} is cut to fit the width (none if no column has that name). */
    public static Table withFlexibleColumn(String flexible, String... headers) {
        return new Table(List.of(headers), Arrays.asList(headers).indexOf(flexible));
    }

    /** Columns that may be left out on a narrow terminal, the least needed first. */
    public Table dropWhenNarrow(String... columns) {
        for (String column : columns) {
            int index = headers.indexOf(column);
            if (index >= 0) {
                droppable.add(index);
            }
        }
        return this;
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Text::oneLine).toList());
        return this;
    }

    public void print(PrintWriter out, OptionalInt terminalWidth) {
        boolean[] shown = new boolean[headers.size()];
        Arrays.fill(shown, true);
        int[] widths = naturalWidths();
        if (terminalWidth.isPresent()) {
            int width = terminalWidth.getAsInt();
            for (int next = 0; ; next++) {
                widths = fitted(shown, width);
                if ((total(widths, shown) <= width && roomy(widths)) || next == droppable.size()) {
                    break;
                }
                shown[droppable.get(next)] = false;
            }
        }
        out.println(line(headers, widths, shown));
        for (List<String> row : rows) {
            out.println(line(row, widths, shown));
        }
        out.flush();
    }

    // the flexible column holds what matters most (arguments, a summary): it gets some room before
    // another column is kept
    private boolean roomy(int[] widths) {
        if (flexibleColumn < 0) {
            return true;
        }
        return widths[flexibleColumn] >= Math.min(naturalWidths()[flexibleColumn], COMFORTABLE_FLEXIBLE_WIDTH);
    }

    private int[] naturalWidths() {
        int[] widths = headers.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private int[] fitted(boolean[] shown, int terminalWidth) {
        int[] widths = naturalWidths();
        int excess = total(widths, shown) - terminalWidth;
        if (flexibleColumn >= 0 && excess > 0) {
            int floor = Math.min(
                    widths[flexibleColumn],
                    Math.max(MIN_FLEXIBLE_WIDTH, headers.get(flexibleColumn).length()));
            widths[flexibleColumn] = Math.max(floor, widths[flexibleColumn] - excess);
        }
        return widths;
    }

    private static int total(int[] widths, boolean[] shown) {
        int total = 0;
        int columns = 0;
        for (int i = 0; i < widths.length; i++) {
            if (shown[i]) {
                total += widths[i];
                columns++;
            }
        }
        return total + GAP.length() * Math.max(columns - 1, 0);
    }

    private static String line(List<String> cells, int[] widths, boolean[] shown) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (!shown[i]) {
                continue;
            }
            String cell = Text.cut(cells.get(i), widths[i]);
            line.append(cell).append(" ".repeat(widths[i] - cell.length())).append(GAP);
        }
        return line.toString().stripTrailing();
    }
}
