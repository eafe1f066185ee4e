package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.Currency;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.PriceSettings;

/**
 * Prices: a known ISO 4217 currency; every fee and price an amount from 0 to 1,000,000; the hand bands that price a
 * session by its size, the small band at least one hand and the medium band not below it; 0 to 10 pairs of hosiery
 * in a quote, which is valid for 1 to 365 days.
 */
final class PriceCheck extends RequiredSection<PriceSettings> {

    static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);

    PriceCheck() {
        super("prices", ProtocolDocument::prices);
    }

    @Override
    void checkPresent(ProtocolDocument doc, PriceSettings p, FieldProblems problems) {
        if (p.currency() == null || !p.currency().matches("[A-Z]{3}")) {
            problems.add("prices.currency", "must be an ISO 4217 code such as GBP");
        } else if (!known(p.currency())) {
            problems.add("prices.currency", "is not a known currency");
        }
        money(problems, "prices.consultationFee", p.consultationFee());
        money(problems, "prices.sessionPriceSmall", p.sessionPriceSmall());
        money(problems, "prices.sessionPriceMedium", p.sessionPriceMedium());
        money(problems, "prices.sessionPriceLarge", p.sessionPriceLarge());
        money(problems, "prices.hosieryPrice", p.hosieryPrice());
        problems.present("prices.consultationFeeRedeemable", p.consultationFeeRedeemable());
        if (p.smallBandMaxHands() == null || p.smallBandMaxHands() < 1) {
            problems.add("prices.smallBandMaxHands", "must be 1 or more");
        }
        if (p.mediumBandMaxHands() == null || p.smallBandMaxHands() != null
                && p.mediumBandMaxHands() < p.smallBandMaxHands()) {
            problems.add("prices.mediumBandMaxHands", "must not be below smallBandMaxHands");
        }
        if (p.hosieryPairs() == null || p.hosieryPairs() < 0 || p.hosieryPairs() > 10) {
            problems.add("prices.hosieryPairs", "must be between 0 and 10");
        }
        if (p.quoteValidityDays() == null || p.quoteValidityDays() < 1 || p.quoteValidityDays() > 365) {
            problems.add("prices.quoteValidityDays", "must be between 1 and 365");
        }
        problems.source("prices", p.source());
    }

    private static boolean known(String currency) {
        try {
            Currency.getInstance(currency);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void money(FieldProblems problems, String path, BigDecimal amount) {
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(path, "must be an amount from 0 to 1,000,000");
        }
    }
}
