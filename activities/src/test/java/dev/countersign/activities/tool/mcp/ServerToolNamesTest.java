package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** An MCP server's tool is named {@code <server>_<tool>} within what language model APIs accept. */
class ServerToolNamesTest {

    @Test
    void aNameIsTheServerAndTheToolJoinedByAnUnderscore() {
        assertThat(McpToolNames.of("files", "read_text_file", Set.of())).isEqualTo("files_read_text_file");
        assertThat(McpToolNames.of("everything", "get-sum", Set.of())).isEqualTo("everything_get-sum");
    }

    @Test
    void charactersOutsideTheAllowedSetBecomeUnderscores() {
        assertThat(McpToolNames.of("docs", "search.pages v2", Set.of())).isEqualTo("docs_search_pages_v2");
    }

    @Test
    void aNameTooLongIsCutAndEndsWithADigestOfTheFullName() {
        String tool = "a".repeat(80);

        String name = McpToolNames.of("files", tool, Set.of());
        String other = McpToolNames.of("files", tool + "b", Set.of());

        assertThat(name)
                .hasSize(64)
                .matches(McpToolNames.VALID)
                .startsWith("files_aaaa")
                .matches(".*_[0-9a-f]{8}");
        assertThat(other).hasSize(64).isNotEqualTo(name);
    }

    @Test
    void aNameAlreadyTakenGetsADigestSuffix() {
        String first = McpToolNames.of("docs", "search.pages", Set.of());
        String second = McpToolNames.of("docs", "search_pages", Set.of(first));

        assertThat(first).isEqualTo("docs_search_pages");
        assertThat(second).isNotEqualTo(first).startsWith("docs_search_pages_").matches(McpToolNames.VALID);
        assertThat(McpToolNames.of("docs", "search_pages", Set.of(first, second)))
                .isNotIn(first, second)
                .matches(McpToolNames.VALID);
    }
}
