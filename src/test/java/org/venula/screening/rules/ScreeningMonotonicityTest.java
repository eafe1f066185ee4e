package org.venula.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.venula.protocol.ProtocolDocument;
import org.venula.support.Histories;
import org.venula.support.Presets;

/**
 * Property: adding any positive answer to any history never makes the outcome milder, and never drops a restriction.
 * Histories are drawn at random from a fixed seed, so a failure is repeatable; the failing pair is printed.
 */
class ScreeningMonotonicityTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final List<String> YES = List.of("pregnant", "breastfeeding", "currentInfection",
            "visibleVaricoseVeins", "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer",
            "venousSkinChanges", "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease",
            "poorlyControlledDiabetes");
    private static final List<String> DATES = List.of("lastAntibioticsOn", "lastThrombophlebitisOn",
            "lastHeartProblemOn", "lastLegSurgeryOn");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "bas-guide", "one-week", "continuous-21-days", "graduated-by-vein-type",
            "short-course"})
    void addingAPositiveAnswerNeverMakesTheOutcomeMilder(String protocolId) {
        ProtocolDocument protocol = Presets.get(protocolId);
        Random random = new Random(20261122L + protocolId.hashCode());
        for (int i = 0; i < 400; i++) {
            Map<String, Object> base = randomHistory(random);
            Area area = random.nextInt(10) == 0 ? Area.FACE : Area.LEGS;
            ScreeningResult before = ScreeningEngine.evaluate(AS_OF, area, Histories.of(base), protocol);
            for (UnaryOperator<Map<String, Object>> positive : positives(random)) {
                Map<String, Object> after = positive.apply(new java.util.LinkedHashMap<>(base));
                ScreeningResult worse = ScreeningEngine.evaluate(AS_OF, area, Histories.of(after), protocol);
                assertThat(worse.outcome().compareTo(before.outcome()))
                        .as("%s: %s -> %s made %s milder than %s", protocolId, base, after, worse.outcome(),
                                before.outcome())
                        .isGreaterThanOrEqualTo(0);
                assertThat(worse.restrictions()).as("%s -> %s", base, after).containsAll(before.restrictions());
                if (worse.outcome() == Outcome.DEFER && before.outcome() == Outcome.DEFER
                        && before.earliestTreatmentDate() == null) {
                    assertThat(worse.earliestTreatmentDate()).as("%s -> %s", base, after).isNull();
                }
            }
        }
    }

    private static Map<String, Object> randomHistory(Random random) {
        Map<String, Object> h = Histories.allNo();
        for (String q : YES) {
            h.put(q, random.nextInt(8) == 0);
        }
        h.put("ableToWalk", random.nextInt(20) != 0);
        h.put("duplex", List.of("NOT_DONE", "NO_REFLUX", "SUPERFICIAL_REFLUX", "DEEP_REFLUX").get(random.nextInt(4)));
        for (String d : DATES) {
            if (random.nextInt(4) == 0) {
                h.put(d, AS_OF.minusDays(random.nextInt(120)).toString());
            }
        }
        List<String> meds = new ArrayList<>();
        for (String m : List.of("TAMOXIFEN", "DISULFIRAM", "ANTICOAGULANT")) {
            if (random.nextInt(6) == 0) {
                meds.add(m);
            }
        }
        h.put("medications", meds);
        List<String> allergies = new ArrayList<>();
        for (String a : List.of("POLIDOCANOL", "SODIUM_TETRADECYL_SULFATE")) {
            if (random.nextInt(8) == 0) {
                allergies.add(a);
            }
        }
        h.put("sclerosantAllergies", allergies);
        if (random.nextInt(3) == 0) {
            h.put("fitzpatrickSkinType", 1 + random.nextInt(6));
        }
        if (random.nextInt(4) == 0) {
            h.put("plannedLongHaulFlightOn", AS_OF.plusDays(random.nextInt(90)).toString());
        }
        return h;
    }

    /** Every way of adding one positive answer: a yes, a recent event, a medicine, an allergy, worse duplex. */
    private static List<UnaryOperator<Map<String, Object>>> positives(Random random) {
        List<UnaryOperator<Map<String, Object>>> out = new ArrayList<>();
        for (String q : YES) {
            out.add(h -> put(h, q, true));
        }
        out.add(h -> put(h, "ableToWalk", false));
        for (String d : DATES) {
            String recent = AS_OF.minusDays(random.nextInt(14)).toString();
            out.add(h -> h.get(d) == null ? put(h, d, recent) : h);
        }
        for (String m : List.of("TAMOXIFEN", "DISULFIRAM", "ANTICOAGULANT")) {
            out.add(h -> addTo(h, "medications", m));
        }
        for (String a : List.of("POLIDOCANOL", "SODIUM_TETRADECYL_SULFATE")) {
            out.add(h -> addTo(h, "sclerosantAllergies", a));
        }
        out.add(h -> "NOT_DONE".equals(h.get("duplex")) || "NO_REFLUX".equals(h.get("duplex"))
                ? put(h, "duplex", "SUPERFICIAL_REFLUX") : h);
        out.add(h -> h.get("plannedLongHaulFlightOn") == null
                ? put(h, "plannedLongHaulFlightOn", AS_OF.plusDays(3).toString()) : h);
        return out;
    }

    private static Map<String, Object> put(Map<String, Object> h, String key, Object value) {
        h.put(key, value);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> addTo(Map<String, Object> h, String key, String value) {
        List<String> list = new ArrayList<>((List<String>) h.get(key));
        if (!list.contains(value)) {
            list.add(value);
        }
        h.put(key, list);
        return h;
    }
}
