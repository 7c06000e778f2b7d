package dev.countersign.service.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RequestLimitsTest {

    @Test
    void theDefaultIs256KB() {
        RequestLimits limits = new RequestLimits(null);

        assertThat(limits.maxRequestBody()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(limits.maxRequestBodyText()).isEqualTo("256KB");
    }

    @Test
    void theLimitIsShownAsAPersonWritesIt() {
        assertThat(new RequestLimits(DataSize.ofMegabytes(2)).maxRequestBodyText())
                .isEqualTo("2MB");
        assertThat(new RequestLimits(DataSize.ofBytes(1500)).maxRequestBodyText())
                .isEqualTo("1500 bytes");
    }

    @Test
    void aLimitTooSmallForADecisionOrLargerThanTemporalCouldCarryStopsTheStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimits(DataSize.ofBytes(100)))
                .withMessage("countersign.limits.max-request-body must lie between 1KB and 64MB, was 100 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimits(DataSize.ofGigabytes(1)))
                .withMessageStartingWith("countersign.limits.max-request-body must lie between");
    }
}
