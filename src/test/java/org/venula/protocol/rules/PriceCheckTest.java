package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prices in euros                                  | prices.currency = EUR                         |
            prices in pounds written in lower case           | prices.currency = gbp                         | prices.currency: must be an ISO 4217 code such as GBP
            prices in a currency that does not exist         | prices.currency = XYZ                         | prices.currency: is not a known currency
            a free consultation                              | prices.consultationFee = 0                    |
            a consultation fee below nothing                 | prices.consultationFee = -0.01                | prices.consultationFee: must be an amount from 0 to 1,000,000
            a large session at a million                     | prices.sessionPriceLarge = 1000000            |
            a large session above a million                  | prices.sessionPriceLarge = 1000000.01         | prices.sessionPriceLarge: must be an amount from 0 to 1,000,000
            no price for hosiery                             | prices.hosieryPrice = null                    | prices.hosieryPrice: must be an amount from 0 to 1,000,000
            not saying whether the fee is redeemable         | prices.consultationFeeRedeemable = null       | prices.consultationFeeRedeemable: is required
            a small band of no hands                         | prices.smallBandMaxHands = 0                  | prices.smallBandMaxHands: must be 1 or more
            a small band of one hand                         | prices.smallBandMaxHands = 1                  |
            a medium band smaller than the small band        | prices.smallBandMaxHands = 3; prices.mediumBandMaxHands = 2 | prices.mediumBandMaxHands: must not be below smallBandMaxHands
            a medium band as large as the small band         | prices.smallBandMaxHands = 3; prices.mediumBandMaxHands = 3 |
            no hosiery in the quote                          | prices.hosieryPairs = 0                       |
            ten pairs of hosiery                             | prices.hosieryPairs = 10                      |
            eleven pairs of hosiery                          | prices.hosieryPairs = 11                      | prices.hosieryPairs: must be between 0 and 10
            a quote valid no days                            | prices.quoteValidityDays = 0                  | prices.quoteValidityDays: must be between 1 and 365
            a quote valid a day                              | prices.quoteValidityDays = 1                  |
            a quote valid a year                             | prices.quoteValidityDays = 365                |
            a quote valid a year and a day                   | prices.quoteValidityDays = 366                | prices.quoteValidityDays: must be between 1 and 365
            prices without a source                          | prices.source = null                          | prices.source: is required
            no prices                                        | prices = null                                 | prices: is required
            """)
    void prices(String situation, String edits, String problems) {
        assertThat(problems(new PriceCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}
