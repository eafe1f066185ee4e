package org.venula.planning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.protocol.ProtocolDocument.PriceSettings;

class QuoteCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static PriceSettings prices(String currency, String fee, boolean redeemable, String small, String medium,
            String large, String hosiery, int pairs) {
        return new PriceSettings(currency, new BigDecimal(fee), redeemable, new BigDecimal(small),
                new BigDecimal(medium), new BigDecimal(large), 2, 4, new BigDecimal(hosiery), pairs, 30, "test");
    }

    private final PriceSettings gbp = prices("GBP", "75.00", true, "250", "350", "450", "25", 1);

    @ParameterizedTest(name = "{0} hands -> {1} band at {2}")
    @CsvSource(textBlock = """
            1, SMALL,  250.00
            2, SMALL,  250.00
            3, MEDIUM, 350.00
            4, MEDIUM, 350.00
            5, LARGE,  450.00
            """)
    void theSessionPriceFollowsTheTotalAreaInHands(int hands, String band, BigDecimal price) {
        Quote q = QuoteCalculator.quote(gbp, 2, hands, TODAY);
        assertThat(q.sizeBand()).isEqualTo(band);
        assertThat(q.sessionPrice()).isEqualByComparingTo(price);
        assertThat(q.sessionPrice().scale()).isEqualTo(2);
    }

    @Test
    void theConsultationFeeIsRedeemedAgainstTheFirstSessionAndHosieryIsAdded() {
        Quote q = QuoteCalculator.quote(gbp, 3, 3, TODAY);
        // 3 x 350.00 - 75.00 + 25.00
        assertThat(q.total()).isEqualByComparingTo("1000.00");
        assertThat(q.redemption()).isEqualByComparingTo("75.00");
        assertThat(q.lines()).hasSize(5);
        assertThat(q.lines().get(3).amount()).isEqualByComparingTo("-75.00");
        assertThat(q.lines().stream().map(Quote.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(q.total());
        assertThat(q.validUntil()).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void aFeeThatIsNotRedeemedIsNotTakenOff() {
        Quote q = QuoteCalculator.quote(prices("GBP", "75", false, "250", "350", "450", "0", 0), 2, 1, TODAY);
        assertThat(q.total()).isEqualByComparingTo("500.00");
        assertThat(q.redemption()).isEqualByComparingTo("0");
        assertThat(q.lines()).hasSize(2);
    }

    @Test
    void theRedemptionNeverExceedsTheFirstSession() {
        Quote q = QuoteCalculator.quote(prices("GBP", "300", true, "200", "350", "450", "0", 0), 2, 1, TODAY);
        assertThat(q.redemption()).isEqualByComparingTo("200.00");
        assertThat(q.total()).isEqualByComparingTo("200.00");
    }

    @Test
    void amountsAreRoundedHalfUpToTheCurrencysMinorUnitBeforeTheyAreAdded() {
        Quote pence = QuoteCalculator.quote(prices("GBP", "74.995", true, "249.995", "350", "450", "19.994", 2), 2, 1,
                TODAY);
        // 2 x 250.00 - 75.00 + 2 x 19.99
        assertThat(pence.total()).isEqualByComparingTo("464.98");
        assertThat(pence.total().scale()).isEqualTo(2);

        Quote yen = QuoteCalculator.quote(prices("JPY", "5000.5", true, "30000.4", "40000", "50000", "2999.5", 1), 2, 1,
                TODAY);
        // 2 x 30000 (30000.4 rounds down) - 5001 (5000.5 rounds up) + 3000 (2999.5 rounds up)
        assertThat(yen.total()).isEqualByComparingTo("57999");
        assertThat(yen.total().scale()).isZero();
    }
}
