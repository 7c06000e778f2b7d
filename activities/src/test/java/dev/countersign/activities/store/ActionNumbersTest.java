package dev.countersign.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionNumbersTest {

    @Test
    void anActionNumberIsTheDigitsAfterTheA() {
        assertThat(ActionArchive.actionNumber("a10")).isEqualTo(10);
        assertThat(ActionArchive.actionNumber("a2")).isEqualTo(2);
    }

    @Test
    void otherIdsHaveNoNumber() {
        for (String bad : new String[] {"a", "10", "a-1", "a1x", "A1", "a١", "a99999999999999999999", null}) {
            assertThatThrownBy(() -> ActionArchive.actionNumber(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
