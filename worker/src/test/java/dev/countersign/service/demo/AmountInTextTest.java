package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountInTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "refund 120 instead                 | 120",
                "please do $99.50                   | 99.5",
                "120 EUR                            | 120",
                "€ 45,50 please                     | 45.5",
                "1,250.75 is right                  | 1250.75",
                "order A-1 should get 80.           | 80",
                "refund 60, not 200                 | 60",
                "the 2nd parcel was fine, refund 30 | 30",
            })
    void findsTheFirstNumberThatIsNotPartOfAWordOrIdentifier(String text, BigDecimal expected) {
        assertThat(AmountInText.first(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no number here", "order A-1 looks fine", "see ticket #AB12"})
    void findsNothingWithoutAStandaloneNumber(String text) {
        assertThat(AmountInText.first(text)).isEmpty();
    }

    @Test
    void nullTextHasNoAmount() {
        assertThat(AmountInText.first(null)).isEmpty();
        assertThat(AmountInText.firstAboutMoney(null)).isEmpty();
    }

    @Test
    void aNumberCountsAsMoneyWithACurrencyMarkOrMoneyWords() {
        assertThat(AmountInText.firstAboutMoney("give them $40")).contains(new BigDecimal("40"));
        assertThat(AmountInText.firstAboutMoney("40 GBP is enough")).contains(new BigDecimal("40"));
        assertThat(AmountInText.firstAboutMoney("Refund 40")).contains(new BigDecimal("40"));
        assertThat(AmountInText.firstAboutMoney("the amount should be 40")).contains(new BigDecimal("40"));
        assertThat(AmountInText.firstAboutMoney("call back in 2 days")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "the order has 2 items; refund only one, 125 USD | 125",
                "the order has 2 items; refund 60 for one        | 60",
                "3 boxes, give them 45 euros                     | 45",
                "in 2 days, the amount of 30                     | 30",
                "refund 60, not 200 USD                          | 60",
                "credit: 12.50                                   | 12.5",
            })
    void onlyANumberNextToMoneyIsAnAmount(String text, BigDecimal expected) {
        assertThat(AmountInText.firstAboutMoney(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the order has 2 items, please refund one",
                "refund, but check the 3 parcels first",
                "check the last 2 orders before the refund",
                "no, 150"
            })
    void numbersAwayFromMoneyAreNoAmount(String text) {
        assertThat(AmountInText.firstAboutMoney(text)).isEmpty();
    }
}
