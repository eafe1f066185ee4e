package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.ApiFixture.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;

/** Reviews, complications and the outcome audit through the running application's API (H2 and PostgreSQL). */
interface OutcomeScenarios extends ApiFixture {

    @Test
    default void aReviewAndAComplicationReachTheAuditWithWilsonIntervals() {
        OwnClinic c = ownClinic();
        Ready p = readyPatient(c.clinician(), "Reviewed" + unique());
        long lot = lot(c.clinician(), "POLIDOCANOL", "0.5", "RV" + unique(), today().plusYears(1));
        long session = signedSession(c.clinician(), p, lot);
        Ready q = readyPatient(c.second(), "Other" + unique());
        signedSession(c.second(), q, lot);

        Response bad = c.clinician().post("/api/patients/" + p.patientId() + "/reviews", Map.of("planId", p.planId(),
                "areas", List.of(Map.of("areaId", p.areaIds().get(0), "clearancePercent", 60)), "satisfaction", 7,
                "decision", "MAYBE"));
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("areas[0].clearancePercent", "satisfaction", "decision");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("planId", p.planId(),
                "areas", List.of(Map.of("areaId", p.areaIds().get(0), "clearancePercent", 50),
                        Map.of("areaId", p.areaIds().get(1), "clearancePercent", 75, "drained", true,
                                "drainageNote", "Microthrombectomy, 2 sites")),
                "satisfaction", 4, "wouldRepeat", true, "ceapLeft", "C1", "ceapRight", "C1", "decision", "DISCHARGE"));
        // Today is the day of the session, outside the 28-42 day window, and the plan has more sessions than one.
        Response unexplained = c.clinician().post("/api/patients/" + p.patientId() + "/reviews", body);
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.errorFields()).containsExactly("reason");
        assertThat(unexplained.toString()).contains("0 days after the session", "between 28 and 42 days");
        assertThat(c.clinician().get("/api/patients/" + p.patientId() + "/reviews").json().size()).isZero();
        body.put("reason", "Patient moving abroad next week; cannot return for the review");
        Response review = c.clinician().post("/api/patients/" + p.patientId() + "/reviews", body);
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(review.json().get("reason").asString()).startsWith("Patient moving abroad");
        assertThat(review.json().get("timingConcerns").asString()).contains("0 days after the session");
        assertThat(review.json().get("medianClearance").asDouble()).isEqualTo(62.5);
        // Clearance below 75%: the recall comes after 6 months, not 12.
        assertThat(review.json().get("recallOn").asString()).isEqualTo(today().plusMonths(6).toString());
        JsonNode tasks = c.clinician().get("/api/patients/" + p.patientId() + "/follow-ups").json();
        assertThat(tasks.valueStream().map(t -> t.get("kind").asString() + ":" + t.get("status").asString()).toList())
                .contains("REVIEW:DONE", "MAINTENANCE_RECALL:DUE");

        Response complication = c.clinician().post("/api/patients/" + p.patientId() + "/complications", Map.of(
                "type", "MATTING", "sessionId", session, "areaId", p.areaIds().get(0), "onsetOn", today().toString(),
                "severity", "MILD", "foundBy", "REVIEW", "management", "Observe; review at 3 months"));
        assertThat(complication.status()).as(complication.toString()).isEqualTo(201);
        assertThat(complication.json().get("lots").toString()).contains("RV");
        assertThat(complication.json().get("serious").asBoolean()).isFalse();
        Response dvt = c.clinician().post("/api/patients/" + p.patientId() + "/complications", Map.of(
                "type", "DVT", "sessionId", session, "onsetOn", today().toString(), "severity", "MODERATE",
                "foundBy", "PHONE"));
        assertThat(dvt.json().get("serious").asBoolean()).isTrue();
        assertThat(c.clinician().get("/api/complications/waiting").json().findValuesAsString("type")).contains("DVT");
        assertThat(c.clinician().post("/api/complications/" + dvt.id() + "/lead-review", Map.of("report", "YC-1"))
                .status()).isEqualTo(403);
        assertThat(c.admin().post("/api/complications/" + dvt.id() + "/lead-review", Map.of("report", "Yellow Card 123"))
                .status()).isEqualTo(200);
        assertThat(c.clinician().post("/api/patients/" + p.patientId() + "/complications", Map.of("type", "GOUT",
                "onsetOn", today().plusDays(2).toString(), "severity", "MILD")).errorFields())
                .containsExactlyInAnyOrder("type", "onsetOn");

        assertThat(c.clinician().get("/api/audit/outcomes").status()).isEqualTo(403);
        JsonNode audit = c.admin().get("/api/audit/outcomes?from=" + today().minusDays(1) + "&to=" + today()).json();
        assertThat(audit.get("sessions").asInt()).isEqualTo(2);
        assertThat(audit.get("patientsTreated").asInt()).isEqualTo(2);
        assertThat(audit.get("medianClearanceFirstReview").asDouble()).isEqualTo(62.5);
        assertThat(audit.get("meanSatisfaction").asDouble()).isEqualTo(4.0);
        JsonNode matting = audit.get("complications").valueStream()
                .filter(r -> r.get("type").asString().equals("MATTING")).findFirst().orElseThrow();
        assertThat(matting.get("events").asInt()).isEqualTo(1);
        assertThat(matting.get("sessions").asInt()).isEqualTo(2);
        assertThat(matting.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(matting.get("ciLow").asDouble()).isCloseTo(0.0945, org.assertj.core.api.Assertions.within(0.0001));
        assertThat(matting.get("ciHigh").asDouble()).isCloseTo(0.9055, org.assertj.core.api.Assertions.within(0.0001));
        JsonNode stain = audit.get("complications").valueStream()
                .filter(r -> r.get("type").asString().equals("HYPERPIGMENTATION")).findFirst().orElseThrow();
        assertThat(stain.get("reference").get("source").asString()).contains("BAS patient guide: Side effects")
                .doesNotContain(".txt");
        JsonNode funnel = audit.get("funnels").valueStream()
                .filter(f -> f.get("type").asString().equals("MATTING")).findFirst().orElseThrow();
        assertThat(funnel.get("target").asDouble()).isEqualTo(0.5);
        assertThat(funnel.get("points").size()).isEqualTo(2);
        Api.Bytes csv = c.admin().bytes("/api/audit/outcomes.csv?from=" + today() + "&to=" + today());
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(new String(csv.body())).startsWith("scope,practitioner,measure,events,sessions,rate")
                .contains("clinic,,MATTING,1,2,0.5000");
        Api.Bytes svg = c.admin().bytes("/api/audit/funnel/MATTING.svg?from=" + today() + "&to=" + today());
        assertThat(new String(svg.body())).startsWith("<svg").contains("Dr Audit 0");
        assertThat(c.admin().get("/api/audit/outcomes?from=" + today() + "&to=" + today().minusDays(3))
                .errorFields()).containsExactly("to");
    }

    @Test
    default void theAuditCountsAGeneratedHistoryExactly() {
        java.time.LocalDate from = today().minusYears(1);
        Generated g = generated(120, from, today().minusDays(60));
        JsonNode audit = g.clinic().admin().get("/api/audit/outcomes?from=" + from + "&to=" + today()).json();
        assertAuditMatches(audit, g.summary());
        assertThat(audit.get("followUp").get("due").asInt()).isPositive();
        assertThat(audit.get("followUp").get("reviewedInWindow").asInt()).isPositive();
        assertThat(audit.get("medianClearanceCourseEnd").isNull()).isFalse();
        assertThat(audit.get("wouldRepeatShare").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    default void theAuditListsTheReviewsWhoseWindowClosedWithNothingBooked() {
        Generated g = generated(30, today().minusYears(1), today().minusDays(60));
        long clinic = g.clinic().clinicId();
        List<Map<String, Object>> sessions = jdbc().sql("""
                SELECT MIN(id) AS id, patient_id, MIN(practitioner_id) AS practitioner_id FROM treatment_session
                WHERE clinic_id = :c GROUP BY patient_id ORDER BY MIN(id) FETCH FIRST 6 ROWS ONLY""")
                .param("c", clinic).query().listOfRows();
        assertThat(sessions).hasSize(6);
        java.time.OffsetDateTime yesterday = java.time.OffsetDateTime.now().minusDays(1);
        Object[][] tasks = {
            {"REVIEW", today().minusDays(50), today().minusDays(10)},   // window closed: overdue
            {"REVIEW", today().minusDays(40), null},                     // open-ended, over 30 days: overdue
            {"REVIEW", today().minusDays(20), null},                     // open-ended, within 30 days
            {"REVIEW", today().minusDays(50), today().plusDays(1)},      // window still open
            {"NEXT_SESSION", today().minusDays(50), today().minusDays(10)}, // not a review
            {"REVIEW", today().minusDays(60), today().minusDays(20)},    // closed, but a review is booked since
        };
        for (int i = 0; i < tasks.length; i++) {
            Map<String, Object> s = sessions.get(i);
            jdbc().sql("""
                    INSERT INTO follow_up_task (clinic_id, patient_id, session_id, practitioner_id, kind, due_from,
                      due_until, status, created_at, created_by, updated_at, updated_by)
                    VALUES (:c, :p, :s, :r, :kind, :from, :until, 'DUE', :at, 'test', :at, 'test')""")
                    .param("c", clinic).param("p", s.get("patient_id")).param("s", s.get("id"))
                    .param("r", s.get("practitioner_id")).param("kind", tasks[i][0]).param("from", tasks[i][1])
                    .param("until", tasks[i][2]).param("at", yesterday).update();
        }
        java.time.OffsetDateTime start = today().plusDays(7).atTime(10, 0).atOffset(java.time.ZoneOffset.UTC);
        jdbc().sql("""
                INSERT INTO appointment (clinic_id, patient_id, practitioner_id, appointment_type, start_at, end_at,
                  status, created_at, created_by, updated_at, updated_by)
                VALUES (:c, :p, :r, 'REVIEW', :start, :end, 'BOOKED', :at, 'test', :at, 'test')""")
                .param("c", clinic).param("p", sessions.get(5).get("patient_id"))
                .param("r", sessions.get(5).get("practitioner_id")).param("start", start)
                .param("end", start.plusMinutes(20)).param("at", java.time.OffsetDateTime.now()).update();

        JsonNode followUp = g.clinic().admin().get("/api/audit/outcomes").json().get("followUp");
        assertThat(followUp.get("overdue").findValues("patientId").stream().map(JsonNode::asLong).toList())
                .containsExactly(((Number) sessions.get(0).get("patient_id")).longValue(),
                        ((Number) sessions.get(1).get("patient_id")).longValue());
        assertThat(followUp.get("moreOverdue").asBoolean()).isFalse();
    }
}
