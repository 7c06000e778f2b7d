package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The line diff a reviewer reads: what a file held, what it will hold, and the lines around. */
class UnifiedDiffTest {

    @Test
    void anInsertedLineIsAddedBetweenItsNeighbours() {
        assertThat(UnifiedDiff.between("notes.txt", "a\nb\nc\n", "a\nb\nnew\nc\n"))
                .isEqualTo("""
                        --- notes.txt
                        +++ notes.txt
                        @@ -1,3 +1,4 @@
                         a
                         b
                        +new
                         c
                        """);
    }

    @Test
    void aDeletedLineIsRemoved() {
        assertThat(UnifiedDiff.between("notes.txt", "a\nb\nc\n", "a\nc\n")).isEqualTo("""
                        --- notes.txt
                        +++ notes.txt
                        @@ -1,3 +1,2 @@
                         a
                        -b
                         c
                        """);
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertThat(UnifiedDiff.between("notes.txt", "a\nb\nc\n", "a\nB\nc\n")).isEqualTo("""
                        --- notes.txt
                        +++ notes.txt
                        @@ -1,3 +1,3 @@
                         a
                        -b
                        +B
                         c
                        """);
    }

    @Test
    void identicalContentHasNoDiff() {
        assertThat(UnifiedDiff.between("notes.txt", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void aNewFileIsAllAdded() {
        assertThat(UnifiedDiff.between("plan.txt", null, "one\ntwo\n")).isEqualTo("""
                        --- /dev/null
                        +++ plan.txt
                        @@ -0,0 +1,2 @@
                        +one
                        +two
                        """);
    }

    @Test
    void distantChangesAreSeparateHunksWithThreeLinesOfContext() {
        String before = numbered(1, 20);
        String after = before.replaceAll("(?m)^2$", "two").replaceAll("(?m)^18$", "eighteen");

        assertThat(UnifiedDiff.between("n.txt", before, after)).isEqualTo("""
                        --- n.txt
                        +++ n.txt
                        @@ -1,5 +1,5 @@
                         1
                        -2
                        +two
                         3
                         4
                         5
                        @@ -15,6 +15,6 @@
                         15
                         16
                         17
                        -18
                        +eighteen
                         19
                         20
                        """);
    }

    @Test
    void aMissingLineBreakAtTheEndIsShown() {
        assertThat(UnifiedDiff.between("n.txt", "a\nb", "a\nb\n")).isEqualTo("""
                        --- n.txt
                        +++ n.txt
                        @@ -1,2 +1,2 @@
                         a
                        -b
                        \\ No newline at end of file
                        +b
                        """);
    }

    @Test
    void textsOverTheBoundAreNotComparedButMeasured() {
        assertThat(UnifiedDiff.between("big.txt", numbered(1, 2_500), "short\n"))
                .isEqualTo("too large to compare: 2500 lines now, 1 lines after");
        assertThat(UnifiedDiff.between("big.txt", "x\n", "y".repeat(UnifiedDiff.MAX_CHARS + 1)))
                .isEqualTo("too large to compare: 1 lines now, 1 lines after");
    }

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> n + "\n").collect(Collectors.joining());
    }
}
