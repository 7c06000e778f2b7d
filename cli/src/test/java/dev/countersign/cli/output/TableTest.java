package dev.countersign.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAlignedWithTwoSpacesAndNoTrailingBlanks() {
        String printed = print(
                Table.withFlexibleColumn("B", "A", "B", "C").row("x", "yy", "").row("xxx", "y", "z"),
                OptionalInt.empty());

        assertThat(printed).isEqualTo("A    B   C\nx    yy\nxxx  y   z\n");
    }

    @Test
    void onlyTheFlexibleColumnIsCutToTheWidth() {
        Table table = Table.withFlexibleColumn("ARGS", "ID", "ARGS", "WHO")
                .row("a1", "{\"note\":\"a long text that does not fit\"}", "alice");

        String printed = print(table, OptionalInt.of(40));

        assertThat(printed.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(printed).contains("a1  {\"note\":\"a long text that ...  alice");
    }

    @Test
    void theFlexibleColumnKeepsAReadableMinimumOnANarrowTerminal() {
        Table table = Table.withFlexibleColumn("ARGS", "ID", "ARGS").row("a1", "x".repeat(50));

        String printed = print(table, OptionalInt.of(10));

        assertThat(printed).contains("x".repeat(Table.MIN_FLEXIBLE_WIDTH - 3) + "...");
    }

    @Test
    void droppableColumnsAreLeftOutInOrderUntilTheFlexibleColumnHasRoom() {
        Table table = Table.withFlexibleColumn("ARGS", "ID", "RULE", "WHO", "ARGS")
                .dropWhenNarrow("RULE", "WHO")
                .row("ticket-1.a2", "medium-refunds", "alice", "x".repeat(40));

        assertThat(print(table, OptionalInt.of(60)).lines().findFirst().orElseThrow())
                .isEqualTo("ID           WHO    ARGS");
        assertThat(print(table, OptionalInt.of(50)).lines().findFirst().orElseThrow())
                .isEqualTo("ID           ARGS");
        assertThat(print(table, OptionalInt.empty()).lines().findFirst().orElseThrow())
                .startsWith("ID           RULE            WHO    ARGS");
    }

    @Test
    void controlCharactersInCellsAreNeutralised() {
        String printed =
                print(Table.withFlexibleColumn("", "A").row("line\none\u001b[31mred\u202Eevil"), OptionalInt.empty());

        assertThat(printed).isEqualTo("A\nline one?[31mred?evil\n");
    }

    private static String print(Table table, OptionalInt width) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out), width);
        return out.toString();
    }
}
