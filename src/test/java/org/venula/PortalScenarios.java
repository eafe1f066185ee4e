package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.ApiFixture.unique;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;
import org.venula.support.Histories;

import tools.jackson.databind.JsonNode;

/** The patient portal through the running application's API (H2 and PostgreSQL). */
interface PortalScenarios extends ApiFixture {

    /** The day the screening rule table is written for (its file's header). */
    LocalDate TABLE_DAY = LocalDate.of(2026, 11, 22);

    @Test
    default void theSelfCheckAgreesWithStaffScreeningOnEveryRowOfTheRuleTableWithOnlyPatientTexts() throws Exception {
        String admin = "selfcheck" + unique();
        long clinicId = clinics().createClinic("Self-check Clinic", ZoneId.of("Europe/London"), false, admin,
                "self-check-password-1", "test").id();
        Api staff = Api.as(port(), admin, "self-check-password-1");
        Api anyone = Api.anonymous(port());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        long shift = ChronoUnit.DAYS.between(TABLE_DAY, today);
        List<String[]> rows = ruleTable();
        assertThat(rows).hasSizeGreaterThan(40);
        for (String[] row : rows) {
            String situation = row[0];
            Map<String, Object> history = Histories.apply(Histories.allNo(), row[1]);
            history.replaceAll((k, v) -> v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? LocalDate.parse(s).plusDays(shift).toString() : v);
            Response self = anyone.post("/api/public/clinics/" + clinicId + "/self-check", Map.of("history", history));
            Map<String, Object> evaluate = new HashMap<>();
            evaluate.put("history", history);
            Response clinician = staff.post("/api/screenings/evaluate", evaluate);
            assertThat(self.status()).as(situation + ": " + self).isEqualTo(200);
            assertThat(clinician.status()).as(situation + ": " + clinician).isEqualTo(200);
            JsonNode s = self.json();
            JsonNode c = clinician.json();
            assertThat(s.get("outcome").asString()).as(situation).isEqualTo(row[2]).isEqualTo(c.get("outcome").asString());
            String expectedEarliest = row[4].equals("null") ? null : LocalDate.parse(row[4]).plusDays(shift).toString();
            assertThat(s.get("earliestTreatmentDate").isNull() ? null : s.get("earliestTreatmentDate").asString())
                    .as(situation).isEqualTo(expectedEarliest);
            List<String> patientTexts = new ArrayList<>();
            List<String> clinicianTexts = new ArrayList<>();
            c.get("findings").forEach(f -> {
                patientTexts.add(f.get("patientText").asString());
                clinicianTexts.add(f.get("clinicianText").asString());
            });
            List<String> messages = new ArrayList<>();
            s.get("patientMessages").forEach(m -> messages.add(m.asString()));
            assertThat(messages).as(situation).containsExactlyElementsOf(patientTexts.stream().distinct().toList());
            for (String clinicianOnly : clinicianTexts.stream().filter(t -> !patientTexts.contains(t)).toList()) {
                assertThat(messages).as(situation).doesNotContain(clinicianOnly);
            }
            assertThat(s.toString()).as(situation).doesNotContain("clinicianText", "source", "findings");
            assertThat(s.get("note").asString()).contains("clinician", "consultation");
        }
    }

    @Test
    default void theSelfCheckNeedsNoSignInKeepsNothingAndRefusesAsStaffScreeningDoes() {
        Api anyone = Api.anonymous(port());
        long clinicId = clinics().firstClinic().orElseThrow().id();
        long logged = jdbc().sql("SELECT COUNT(*) FROM access_log").query(Long.class).single();
        long screenings = jdbc().sql("SELECT COUNT(*) FROM screening").query(Long.class).single();

        Map<String, Object> unanswered = Histories.allNo();
        unanswered.remove("pregnant");
        unanswered.remove("ableToWalk");
        Response r = anyone.post("/api/public/clinics/" + clinicId + "/self-check", Map.of("history", unanswered));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.errorFields()).containsExactlyInAnyOrder("history.pregnant", "history.ableToWalk");
        assertThat(anyone.post("/api/public/clinics/" + clinicId + "/self-check", Map.of()).errorFields())
                .containsExactly("history");
        assertThat(anyone.post("/api/public/clinics/" + clinicId + "/self-check", "{\"history\": [").status())
                .isEqualTo(400);
        assertThat(anyone.post("/api/public/clinics/" + clinicId + "/self-check",
                Map.of("history", Map.of("pregnant", "perhaps"))).status()).isEqualTo(422);
        Map<String, Object> future = Histories.apply(Histories.allNo(), "lastAntibioticsOn="
                + LocalDate.now(ZoneId.of("Europe/London")).plusDays(2));
        assertThat(anyone.post("/api/public/clinics/" + clinicId + "/self-check", Map.of("history", future))
                .errorFields()).containsExactly("history.lastAntibioticsOn");
        assertThat(anyone.post("/api/public/clinics/987654321/self-check", Map.of("history", Histories.allNo()))
                .status()).isEqualTo(404);

        JsonNode fine = anyone.post("/api/public/clinics/" + clinicId + "/self-check",
                Map.of("history", Histories.allNo())).json();
        assertThat(fine.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(fine.get("patientMessages").size()).isZero();
        // only the public API is open: the staff one still wants a sign-in
        assertThat(anyone.post("/api/screenings/evaluate", Map.of("history", Histories.allNo())).status())
                .isEqualTo(401);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM access_log").query(Long.class).single()).isEqualTo(logged);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM screening").query(Long.class).single()).isEqualTo(screenings);
    }

    private static List<String[]> ruleTable() throws java.io.IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PortalScenarios.class.getResourceAsStream("/screening/standard-protocol-cases.psv"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
