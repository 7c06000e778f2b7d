package dev.countersign.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.CliException;
import dev.countersign.cli.output.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsEditsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "200        | 200",
                "-3         | -3",
                "200.50     | 200.50",
                "1e3        | 1E+3",
                "true       | true",
                "false      | false",
                "007        | \"007\"",
                "null       | \"null\"",
                "12abc      | \"12abc\"",
                "'a b'      | \"a b\"",
                "123456789012345678901234567890 | 123456789012345678901234567890"
            })
    void valuesAreTypedLikeJson(String value, String json) {
        assertThat(Json.compact(ArgsEdits.typed(value))).isEqualTo(json);
    }

    @Test
    void editsApplyToACopyInOrder() {
        ObjectNode pending = (ObjectNode) Json.MAPPER.createObjectNode().put("amount", 250);

        ObjectNode edited = ArgsEdits.parse(List.of("amount=100", "amount=90")).applyTo(pending);

        assertThat(Json.compact(edited)).isEqualTo("{\"amount\":90}");
        assertThat(Json.compact(pending)).isEqualTo("{\"amount\":250}");
    }

    @Test
    void anAssignmentWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> ArgsEdits.parse(List.of("amount")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("key=value");
    }

    @Test
    void rawJsonThatDoesNotParseIsRefused() {
        assertThatThrownBy(() -> ArgsEdits.parse(List.of("items:=[1,")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("needs JSON");
    }

    @Test
    void aDottedKeyThroughANonObjectIsRefused() {
        ObjectNode pending = (ObjectNode) Json.MAPPER.createObjectNode().put("amount", 250);

        assertThatThrownBy(() -> ArgsEdits.parse(List.of("amount.cents=5")).applyTo(pending))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("'amount' is not an object");
    }
}
