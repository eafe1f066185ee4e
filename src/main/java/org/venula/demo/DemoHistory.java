package org.venula.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Generates a realistic treatment history for a clinic, so that the outcome audit means something on first start and
 * so that the audit can be measured on ten thousand sessions. Each generated patient gets a screening, a consultation
 * with mapped areas, a plan, one to four signed sessions about six weeks apart (injections from the clinic's lots),
 * usually a review, and complications at rates near the published ones. One practitioner has more matting than the
 * others, so the funnel plot has something to show. The stored documents (screening result, CEAP, plan and quote) are
 * copied from a template patient recorded through the application, so every generated record opens like a real one.
 * The generator is seeded: the same seed gives the same history.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DemoHistory {

    /** Complication types generated, with their base rate per session (matting is doubled for one practitioner). */
    static final Map<String, Double> RATES = new java.util.TreeMap<>(Map.of("HYPERPIGMENTATION", 0.12, "MATTING", 0.05, "TRAPPED_BLOOD",
            0.08, "SUPERFICIAL_THROMBOPHLEBITIS", 0.03, "BLISTERING", 0.005, "ALLERGIC_REACTION", 0.001));

    private static final String[] GIVEN = {"Alice", "Beth", "Carys", "Dawn", "Elin", "Fiona", "Gemma", "Hannah",
        "Iris", "Jade", "Kate", "Laura", "Megan", "Nia", "Olivia", "Priya", "Rachel", "Sian", "Tara", "Zoe", "Anwen",
        "Bronwen", "Chloe", "Deborah", "Eleanor", "Farah", "Grace", "Holly", "Imogen", "Julia"};
    private static final String[] FAMILY = {"Archer", "Baines", "Carver", "Dalton", "Ellis", "Fraser", "Gough",
        "Hale", "Ingram", "Jarvis", "Keane", "Lloyd", "Marsh", "Nash", "Owens", "Pryce", "Quinn", "Rees", "Shaw",
        "Thorne", "Upton", "Vaughan", "Wells", "Yates", "Abbott", "Bishop", "Coles", "Dunn", "Evans", "Foster"};

    private final JdbcClient jdbc;

    /** What was generated, to check the audit against. */
    public record Summary(int patients, int sessions, int courses, int reviews,
            Map<String, Integer> sessionsWithComplication, int overrideSessions) {
    }

    /**
     * Generates about {@code sessions} signed sessions between {@code from} and {@code to} for the clinic, shared
     * among {@code practitionerIds}, copying documents from {@code templatePatientId}'s latest consultation, plan and
     * screening.
     */
    public Summary generate(long clinicId, long templatePatientId, List<Long> practitionerIds, int sessions,
            LocalDate from, LocalDate to, long seed) {
        Random random = new Random(seed);
        Map<String, Object> screening = jdbc.sql("SELECT * FROM screening WHERE patient_id = :p ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY").param("p", templatePatientId).query().singleRow();
        Map<String, Object> consultation = jdbc.sql("SELECT * FROM consultation WHERE patient_id = :p ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY").param("p", templatePatientId).query().singleRow();
        Map<String, Object> plan = jdbc.sql("SELECT * FROM treatment_plan WHERE patient_id = :p ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY").param("p", templatePatientId).query().singleRow();
        List<Map<String, Object>> areas = jdbc.sql("SELECT * FROM consultation_area WHERE consultation_id = :c "
                + "ORDER BY id").param("c", consultation.get("id")).query().listOfRows();
        List<Map<String, Object>> lots = jdbc.sql("SELECT id, agent, strength_percent FROM sclerosant_lot "
                + "WHERE clinic_id = :c AND recalled_at IS NULL ORDER BY id").param("c", clinicId).query().listOfRows();
        if (lots.isEmpty()) {
            throw new IllegalStateException("The clinic needs lots in stock before history can be generated");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String by = "demo history";
        int days = (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to));
        int made = 0;
        int patients = 0;
        int courses = 0;
        int reviews = 0;
        int overrideSessions = 0;
        Map<String, Integer> withComplication = new java.util.TreeMap<>();
        while (made < sessions) {
            patients++;
            courses++;
            int courseLength = 1 + random.nextInt(4);
            courseLength = Math.min(courseLength, sessions - made);
            LocalDate first = from.plusDays(random.nextInt(days));
            long patient = insert("""
                    INSERT INTO patient (clinic_id, given_name, family_name, date_of_birth, sex, weight_kg, occupation,
                      prolonged_standing, version, created_at, created_by, updated_at, updated_by)
                    VALUES (:c, :g, :f, :dob, 'FEMALE', :w, :o, :s, 0, :at, :by, :at, :by)""", Map.of("c", clinicId,
                    "g", GIVEN[random.nextInt(GIVEN.length)], "f", FAMILY[random.nextInt(FAMILY.length)] + "-" + patients,
                    "dob", LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "w", BigDecimal.valueOf(50 + random.nextInt(45)), "o", random.nextInt(5) == 0 ? "Nurse" : "Office work",
                    "s", random.nextInt(5) == 0, "at", now, "by", by));
            long screeningId = insert("""
                    INSERT INTO screening (clinic_id, patient_id, history_version, protocol_id, protocol_version, as_of,
                      area, outcome, result, created_at, created_by)
                    VALUES (:c, :p, 0, :pid, :pv, :on, 'LEGS', 'ELIGIBLE', :result, :at, :by)""", Map.of("c", clinicId,
                    "p", patient, "pid", screening.get("protocol_id"), "pv", screening.get("protocol_version"),
                    "on", first.minusDays(7), "result", screening.get("result"), "at", now, "by", by));
            long practitioner = practitionerIds.get(random.nextInt(practitionerIds.size()));
            Map<String, Object> c = new java.util.HashMap<>(Map.of("c", clinicId, "p", patient, "pr", practitioner,
                    "on", first.minusDays(7), "s", screeningId, "ceap", consultation.get("ceap"),
                    "reasons", consultation.get("reasons"), "at", now, "by", by));
            long consultationId = insert("""
                    INSERT INTO consultation (clinic_id, patient_id, practitioner_id, consulted_on, area, screening_id,
                      standing_examination, doppler_done, duplex_done, reflux_result, visible_varicose_veins, ceap,
                      derived_outcome, reasons, created_at, created_by)
                    VALUES (:c, :p, :pr, :on, 'LEGS', :s, TRUE, TRUE, FALSE, 'NO_REFLUX', FALSE, :ceap, 'PROCEED',
                      :reasons, :at, :by)""", c);
            List<Long> areaIds = new ArrayList<>();
            List<String> veinTypes = new ArrayList<>();
            for (Map<String, Object> a : areas) {
                areaIds.add(insert("""
                        INSERT INTO consultation_area (consultation_id, leg, region, aspect, vein_type, size)
                        VALUES (:c, :leg, :region, :aspect, :vein, :size)""", Map.of("c", consultationId,
                        "leg", a.get("leg"), "region", a.get("region"), "aspect", a.get("aspect"),
                        "vein", a.get("vein_type"), "size", a.get("size"))));
                veinTypes.add((String) a.get("vein_type"));
            }
            Map<String, Object> p = new java.util.HashMap<>(Map.of("c", clinicId, "p", patient, "k", consultationId,
                    "pid", plan.get("protocol_id"), "pv", plan.get("protocol_version"), "n", courseLength,
                    "plan", plan.get("plan"), "quote", plan.get("quote"), "cur", plan.get("currency"),
                    "total", plan.get("total")));
            p.put("valid", first.plusDays(30));
            p.put("at", now);
            p.put("by", by);
            long planId = insert("""
                    INSERT INTO treatment_plan (clinic_id, patient_id, consultation_id, protocol_id, protocol_version,
                      sessions, interval_days, plan, quote, currency, total, valid_until, created_at, created_by)
                    VALUES (:c, :p, :k, :pid, :pv, :n, 42, :plan, :quote, :cur, :total, :valid, :at, :by)""", p);
            LocalDate day = first;
            long lastSession = -1;
            LocalDate lastDay = day;
            for (int s = 0; s < courseLength && made < sessions && !day.isAfter(to); s++) {
                long sessionId = insert("""
                        INSERT INTO treatment_session (clinic_id, patient_id, practitioner_id, ad_hoc_reason, plan_id,
                          consultation_id, screening_id, session_date, protocol_id, protocol_version, weight_kg,
                          restrictions, checklist, compression_type, compression_length, compression_low_mmhg,
                          compression_high_mmhg, compression_standard, reactions, status,
                          created_at, created_by, updated_at, updated_by)
                        VALUES (:c, :p, :pr, 'Generated history', :plan, :k, :s, :on, :pid, :pv, 65, '',
                          'LEGS_NOT_SHAVED,NO_MOISTURISER,HOSIERY_BROUGHT', 'STOCKING', 'THIGH', 14, 17, 'UK', 'NONE',
                          'OPEN', :at, :by, :at, :by)""", Map.ofEntries(Map.entry("c", clinicId),
                        Map.entry("p", patient), Map.entry("pr", practitioner), Map.entry("plan", planId),
                        Map.entry("k", consultationId), Map.entry("s", screeningId), Map.entry("on", day),
                        Map.entry("pid", plan.get("protocol_id")), Map.entry("pv", plan.get("protocol_version")),
                        Map.entry("at", now), Map.entry("by", by)));
                made++;
                boolean override = random.nextInt(100) == 0;
                if (override) {
                    overrideSessions++;
                }
                int injections = 2 + random.nextInt(3);
                for (int i = 0; i < injections; i++) {
                    Map<String, Object> lot = lots.get(random.nextInt(lots.size()));
                    boolean o = override && i == 0;
                    Map<String, Object> in = new java.util.HashMap<>();
                    in.put("s", sessionId);
                    in.put("seq", i + 1);
                    in.put("a", areaIds.get(i % areaIds.size()));
                    in.put("agent", lot.get("agent"));
                    in.put("lot", lot.get("id"));
                    in.put("conc", lot.get("strength_percent"));
                    in.put("vol", new BigDecimal("0.5"));
                    in.put("vein", veinTypes.get(i % veinTypes.size()));
                    in.put("oc", o ? "POLIDOCANOL_DAILY_DOSE" : null);
                    in.put("or", o ? "Weight re-measured; clinic lead agreed" : null);
                    in.put("at", now);
                    in.put("by", by);
                    jdbc.sql("""
                            INSERT INTO session_injection (session_id, seq, area_id, agent, lot_id, concentration_percent,
                              form, volume_ml, needle_gauge, vein_type, ultrasound, override_codes, override_reason,
                              created_at, created_by)
                            VALUES (:s, :seq, :a, :agent, :lot, :conc, 'LIQUID', :vol, 30, :vein, FALSE, :oc, :or,
                              :at, :by)""").params(in).update();
                }
                // Signed once charted, as in the clinic (PostgreSQL refuses injections into a signed session).
                jdbc.sql("UPDATE treatment_session SET status = 'SIGNED', signed_at = :at, signed_by = :by WHERE id = :s")
                        .param("at", now).param("by", by).param("s", sessionId).update();
                boolean matting = practitionerIds.indexOf(practitioner) == 0;
                for (Map.Entry<String, Double> rate : RATES.entrySet()) {
                    double r = rate.getValue() * (matting && rate.getKey().equals("MATTING") ? 2.4 : 1);
                    if (random.nextDouble() < r) {
                        withComplication.merge(rate.getKey(), 1, Integer::sum);
                        Map<String, Object> k = new java.util.HashMap<>();
                        k.put("c", clinicId);
                        k.put("p", patient);
                        k.put("s", sessionId);
                        k.put("a", areaIds.get(0));
                        k.put("type", rate.getKey());
                        LocalDate onset = day.plusDays(14 + random.nextInt(21));
                        k.put("onset", onset.isAfter(to) ? to : onset);
                        k.put("severity", rate.getKey().equals("ALLERGIC_REACTION") ? "MODERATE" : "MILD");
                        k.put("at", now);
                        k.put("by", by);
                        jdbc.sql("""
                                INSERT INTO complication (clinic_id, patient_id, session_id, area_id, complication_type,
                                  onset_on, severity, found_by, status, serious, lead_reviewed_at, lead_reviewed_by,
                                  created_at, created_by, updated_at, updated_by)
                                VALUES (:c, :p, :s, :a, :type, :onset, :severity, 'REVIEW', 'CONFIRMED', FALSE, NULL, NULL,
                                  :at, :by, :at, :by)""").params(k).update();
                    }
                }
                lastSession = sessionId;
                lastDay = day;
                day = day.plusDays(35 + random.nextInt(21));
            }
            LocalDate reviewed = lastDay.plusDays(28 + random.nextInt(15));
            if (lastSession > 0 && random.nextInt(10) < 8 && !reviewed.isAfter(to)) {
                reviews++;
                Map<String, Object> r = new java.util.HashMap<>();
                r.put("c", clinicId);
                r.put("p", patient);
                r.put("pr", practitioner);
                r.put("plan", planId);
                r.put("s", lastSession);
                r.put("on", reviewed);
                r.put("sat", 3 + random.nextInt(3));
                r.put("again", random.nextInt(10) < 9);
                r.put("recall", reviewed.plusMonths(12));
                r.put("at", now);
                r.put("by", by);
                long reviewId = insert("""
                        INSERT INTO review (clinic_id, patient_id, practitioner_id, plan_id, last_session_id, reviewed_on,
                          satisfaction, would_repeat, ceap_left, ceap_right, decision, recall_on, created_at, created_by)
                        VALUES (:c, :p, :pr, :plan, :s, :on, :sat, :again, 'C1', 'C1', 'DISCHARGE', :recall, :at, :by)""",
                        r);
                int[] steps = {50, 75, 75, 90, 90, 100};
                for (long area : areaIds) {
                    jdbc.sql("""
                            INSERT INTO review_area (review_id, area_id, clearance_percent, drained)
                            VALUES (:r, :a, :c, FALSE)""").param("r", reviewId).param("a", area)
                            .param("c", steps[random.nextInt(steps.length)]).update();
                }
            }
        }
        return new Summary(patients, made, courses, reviews, withComplication, overrideSessions);
    }

    private long insert(String sql, Map<String, ?> params) {
        return Inserts.id(jdbc.sql(sql).params(params));
    }
}
