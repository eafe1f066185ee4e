package org.venula.planning.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.venula.protocol.ProtocolDocument.PriceSettings;

/**
 * Prices a course from the protocol's prices. A session is priced by the total size of the areas, counted in hands
 * (seed 001's hand rule); the consultation fee is taken off the first session when the protocol redeems it (seed 004),
 * never more than that session costs; hosiery is added. Amounts are rounded half-up to the currency's minor unit
 * (pence for GBP, none for JPY) before they are added, so the lines always sum to the total.
 */
public final class QuoteCalculator {

    private QuoteCalculator() {
    }

    public static Quote quote(PriceSettings prices, int sessions, int totalHands, LocalDate today) {
        if (sessions < 1) {
            throw new IllegalArgumentException("a course has at least one session");
        }
        int scale = Math.max(0, Currency.getInstance(prices.currency()).getDefaultFractionDigits());
        String band;
        BigDecimal price;
        if (totalHands <= prices.smallBandMaxHands()) {
            band = "SMALL";
            price = prices.sessionPriceSmall();
        } else if (totalHands <= prices.mediumBandMaxHands()) {
            band = "MEDIUM";
            price = prices.sessionPriceMedium();
        } else {
            band = "LARGE";
            price = prices.sessionPriceLarge();
        }
        price = money(price, scale);
        List<Quote.Line> lines = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            lines.add(new Quote.Line("Session " + i + " of " + sessions + " (" + band.toLowerCase() + " area)", price));
        }
        BigDecimal fee = money(prices.consultationFee(), scale);
        BigDecimal redemption = money(BigDecimal.ZERO, scale);
        if (Boolean.TRUE.equals(prices.consultationFeeRedeemable()) && fee.signum() > 0) {
            redemption = fee.min(price);
            lines.add(new Quote.Line("Consultation fee redeemed against the first session", redemption.negate()));
        }
        BigDecimal hosiery = money(prices.hosieryPrice(), scale).multiply(BigDecimal.valueOf(prices.hosieryPairs()));
        if (hosiery.signum() > 0) {
            lines.add(new Quote.Line("Compression hosiery (" + prices.hosieryPairs()
                    + (prices.hosieryPairs() == 1 ? " pair)" : " pairs)"), hosiery));
        }
        BigDecimal total = lines.stream().map(Quote.Line::amount).reduce(money(BigDecimal.ZERO, scale), BigDecimal::add);
        return new Quote(prices.currency(), band, totalHands, sessions, price, List.copyOf(lines), fee, redemption,
                total, today.plusDays(prices.quoteValidityDays()));
    }

    private static BigDecimal money(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }
}
