package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.ApiFixture.CHECKLIST;
import static org.venula.ApiFixture.consultation;
import static org.venula.ApiFixture.history;
import static org.venula.ApiFixture.nextMonday;
import static org.venula.ApiFixture.patient;
import static org.venula.ApiFixture.unique;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    // ---- sign-in -------------------------------------------------------------------------------------------------

    /** A patient of the first clinic with an e-mail address of their own. */
    default long patientWithEmail(String email) {
        Response r = admin().post("/api/patients", patient("Portal" + unique(), Map.of("email", email)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    /** The code in the newest message to this address in the outbox. */
    default String codeSentTo(String email) {
        return org.venula.support.Outbox.signInCode(admin(), email);
    }

    default Map<String, Object> verification(long clinicId, String email, String code) {
        return Map.of("clinicId", clinicId, "email", email, "code", code);
    }

    /** A patient signed in to the portal: the patient's id and a client holding their session. */
    record SignedIn(long patientId, String email, Api session) {
    }

    default SignedIn signedInPatient() {
        String email = "ann" + unique() + "@example.com";
        long id = patientWithEmail(email);
        long clinicId = clinics().firstClinic().orElseThrow().id();
        Api session = Api.withCookies(port());
        assertThat(session.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email)).status())
                .isEqualTo(202);
        Response r = session.post("/api/portal/verify", verification(clinicId, email, codeSentTo(email)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new SignedIn(id, email, session);
    }

    @Test
    default void aCodeIsAskedForAlikeForKnownAndUnknownAddressesAndOnlyAKnownOneIsSentOne() {
        long clinicId = clinics().firstClinic().orElseThrow().id();
        String known = "known" + unique() + "@example.com";
        long patientId = patientWithEmail(known);
        String unknown = "unknown" + unique() + "@example.com";
        Api anyone = Api.anonymous(port());
        long messages = jdbc().sql("SELECT COUNT(*) FROM reminder").query(Long.class).single();

        Response forKnown = anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email",
                known.toUpperCase(java.util.Locale.ROOT)));
        Response forUnknown = anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", unknown));
        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.text()).isEqualTo(forKnown.text());
        assertThat(jdbc().sql("SELECT COUNT(*) FROM reminder").query(Long.class).single()).isEqualTo(messages + 1);
        String code = codeSentTo(known);
        // only a hash of the code is kept with the sign-in
        String hash = jdbc().sql("SELECT code_hash FROM portal_code WHERE patient_id = :p").param("p", patientId)
                .query(String.class).single();
        assertThat(hash).doesNotContain(code).startsWith("{bcrypt}");

        assertThat(anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", "not an address"))
                .errorFields()).containsExactly("email");
        assertThat(anyone.post("/api/portal/sign-in", Map.of("email", known)).errorFields())
                .containsExactly("clinicId");
        assertThat(anyone.post("/api/portal/sign-in", Map.of("clinicId", 987654321, "email", known)).status())
                .isEqualTo(404);
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, unknown, "123456")).status())
                .isEqualTo(401);
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, known, "12345")).errorFields())
                .containsExactly("code");

        Api session = Api.withCookies(port());
        Response in = session.post("/api/portal/verify", verification(clinicId, known, code));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.json().get("patientId").asLong()).isEqualTo(patientId);
        assertThat(session.get("/api/portal/me").json().get("email").asString()).isEqualTo(known);
        // a code signs in once
        assertThat(Api.withCookies(port()).post("/api/portal/verify", verification(clinicId, known, code)).status())
                .isEqualTo(401);
        List<Map<String, Object>> logged = jdbc().sql("""
                SELECT action, channel, username FROM access_log WHERE patient_id = :p AND channel = 'PORTAL'
                ORDER BY id""").param("p", patientId).query().listOfRows();
        assertThat(logged).extracting(r -> r.get("action")).containsExactly("PORTAL_SIGN_IN", "VIEW_PATIENT",
                "VIEW_PATIENT");
        assertThat(logged).extracting(r -> r.get("username")).containsOnly("patient (portal)");
        assertThat(session.post("/api/portal/sign-out", null).status()).isEqualTo(204);
        assertThat(session.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    default void theSixthTryOfACodeIsRefusedEvenWhenRightAndAnExpiredCodeNeverWorks() {
        long clinicId = clinics().firstClinic().orElseThrow().id();
        String email = "tries" + unique() + "@example.com";
        long patientId = patientWithEmail(email);
        Api anyone = Api.withCookies(port());
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String code = codeSentTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, wrong)).status())
                    .as("wrong try " + (i + 1)).isEqualTo(401);
        }
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, code)).status()).isEqualTo(401);
        assertThat(anyone.get("/api/portal/me").status()).isEqualTo(401);
        assertThat(jdbc().sql("SELECT attempts FROM portal_code WHERE patient_id = :p").param("p", patientId)
                .query(Integer.class).single()).isEqualTo(5);

        // a new code works, and replaces the old one
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String second = codeSentTo(email);
        // ten minutes and more later (both values are computed from the stored creation time)
        jdbc().sql("UPDATE portal_code SET expires_at = created_at - INTERVAL '50' MINUTE, "
                + "created_at = created_at - INTERVAL '1' HOUR WHERE patient_id = :p AND used_at IS NULL")
                .param("p", patientId).update();
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, second)).status())
                .as("expired").isEqualTo(401);
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, codeSentTo(email))).status())
                .isEqualTo(200);
    }

    @Test
    default void codesAreThrottledPerAddressWhetherOrNotItIsKnown() {
        long clinicId = clinics().firstClinic().orElseThrow().id();
        Api anyone = Api.anonymous(port());
        for (String email : List.of("busy" + unique() + "@example.com", "ghost" + unique() + "@example.com")) {
            if (email.startsWith("busy")) {
                patientWithEmail(email);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email)).status())
                        .isEqualTo(202);
            }
            Response sixth = anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
            assertThat(sixth.status()).as(email).isEqualTo(429);
            assertThat(sixth.contentType()).startsWith("application/problem+json");
            assertThat(sixth.retryAfter()).isNotNull();
        }
    }

    @Test
    default void aPatientsSessionIsNoStaffSignInAndAStaffSignInIsNoPatientsSession() {
        SignedIn ann = signedInPatient();
        assertThat(ann.session().get("/api/patients/" + ann.patientId()).status()).isEqualTo(401);
        assertThat(ann.session().get("/api/patients?query=a").status()).isEqualTo(401);
        assertThat(ann.session().get("/api/reminders").status()).isEqualTo(401);
        assertThat(admin().get("/api/portal/me").status()).isEqualTo(401);
        assertThat(Api.anonymous(port()).get("/api/portal/me").status()).isEqualTo(401);
    }

    // ---- registering ---------------------------------------------------------------------------------------------

    default Map<String, Object> registration(String given, String family, String dob, String email) {
        Map<String, Object> r = new HashMap<>();
        r.put("clinicId", clinics().firstClinic().orElseThrow().id());
        r.put("givenName", given);
        r.put("familyName", family);
        r.put("dateOfBirth", dob);
        r.put("sex", "FEMALE");
        r.put("email", email);
        r.put("phone", "07700 900123");
        return r;
    }

    @Test
    default void aNewPatientRegistersAndSignsInWithTheCodeSentToThem() {
        String family = "Newcomer" + unique();
        String email = "new" + unique() + "@example.com";
        Api anyone = Api.withCookies(port());
        Response r = anyone.post("/api/portal/register", registration("Nia", family, "1990-04-02", email));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        long clinicId = clinics().firstClinic().orElseThrow().id();
        // no record until the code proves the address
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient WHERE family_name = :f").param("f", family)
                .query(Long.class).single()).isZero();
        assertThat(jdbc().sql("SELECT status FROM portal_registration WHERE email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, "000000".equals(
                codeSentTo(email)) ? "111111" : "000000")).status()).isEqualTo(401);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient WHERE family_name = :f").param("f", family)
                .query(Long.class).single()).isZero();
        Response in = anyone.post("/api/portal/verify", verification(clinicId, email, codeSentTo(email)));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        long id = in.json().get("patientId").asLong();
        JsonNode record = admin().get("/api/patients/" + id).json();
        assertThat(record.get("familyName").asString()).isEqualTo(family);
        assertThat(record.get("createdBy").asString()).isEqualTo("patient (portal)");
        assertThat(jdbc().sql("SELECT status FROM portal_registration WHERE patient_id = :p").param("p", id)
                .query(String.class).single()).isEqualTo("CREATED");
        assertThat(jdbc().sql("SELECT channel FROM access_log WHERE patient_id = :p AND action = 'PORTAL_REGISTER'")
                .param("p", id).query(String.class).single()).isEqualTo("PORTAL");

        assertThat(anyone.post("/api/portal/register", Map.of("clinicId", clinicId)).errorFields())
                .contains("givenName", "familyName", "dateOfBirth", "sex", "email");
        assertThat(anyone.post("/api/portal/register", registration("Nia", family, "2999-01-01", "x@example.com"))
                .errorFields()).containsExactly("dateOfBirth");
        assertThat(anyone.post("/api/portal/register", registration("Nia", family, "1990-04-02", "no address"))
                .errorFields()).containsExactly("email");
    }

    @Test
    default void aRegistrationMatchingAPatientIsHeldForStaffNeverADuplicateAndTheAnswerSaysNothingOfIt() {
        String family = "Matched" + unique();
        long existing = admin().post("/api/patients", patient(family, Map.of("givenName", "Mary",
                "dateOfBirth", "1980-01-01"))).id();
        long patients = jdbc().sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        String email = "mary" + unique() + "@example.com";
        Api anyone = Api.anonymous(port());
        Response held = anyone.post("/api/portal/register", registration(" mary ", family.toUpperCase(
                java.util.Locale.ROOT), "1980-01-01", email));
        Response fresh = anyone.post("/api/portal/register", registration("Nobody", "Else" + unique(),
                "1970-05-05", "else" + unique() + "@example.com"));
        assertThat(held.status()).isEqualTo(202);
        assertThat(held.text()).isEqualTo(fresh.text());
        // neither makes a record: the held one waits for staff, the other for its code
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient").query(Long.class).single()).isEqualTo(patients);

        Api reception = newUser("RECEPTION");
        JsonNode list = reception.get("/api/portal-registrations").json();
        JsonNode mine = null;
        for (JsonNode h : list) {
            if (h.get("registration").get("email").asString().equals(email)) {
                mine = h;
            }
        }
        assertThat(mine).as(list.toString()).isNotNull();
        assertThat(mine.get("matchedPatientId").asLong()).isEqualTo(existing);
        long registrationId = mine.get("registration").get("id").asLong();
        // until staff decide, the address signs nobody in
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinics().firstClinic().orElseThrow().id(),
                "email", email));
        assertThat(jdbc().sql("SELECT COUNT(*) FROM portal_code WHERE email = :e").param("e", email)
                .query(Long.class).single()).isZero();

        Response linked = reception.post("/api/portal-registrations/" + registrationId + "/link", null);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get("status").asString()).isEqualTo("LINKED");
        assertThat(admin().get("/api/patients/" + existing).json().get("email").asString()).isEqualTo(email);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient_revision WHERE patient_id = :p").param("p", existing)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(reception.post("/api/portal-registrations/" + registrationId + "/new-record", null).status())
                .isEqualTo(409);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient").query(Long.class).single()).isEqualTo(patients);
        SignedIn mary = new SignedIn(existing, email, Api.withCookies(port()));
        mary.session().post("/api/portal/sign-in", Map.of("clinicId", clinics().firstClinic().orElseThrow().id(),
                "email", email));
        assertThat(mary.session().post("/api/portal/verify", verification(clinics().firstClinic().orElseThrow().id(),
                email, codeSentTo(email))).json().get("patientId").asLong()).isEqualTo(existing);

        // another clinic's staff see none of it
        String otherAdmin = "regother" + unique();
        clinics().createClinic("Other Registration Clinic", ZoneId.of("Europe/London"), false, otherAdmin,
                "other-password-123", "test");
        Api other = Api.as(port(), otherAdmin, "other-password-123");
        assertThat(other.get("/api/portal-registrations").json().size()).isZero();
        assertThat(other.post("/api/portal-registrations/" + registrationId + "/link", null).status())
                .isEqualTo(404);
    }

    @Test
    default void staffMakeANewRecordWhenAMatchingRegistrationIsSomeoneElse() {
        String family = "Twin" + unique();
        admin().post("/api/patients", patient(family, Map.of("givenName", "Ann", "dateOfBirth", "1984-03-07")));
        String email = "twin" + unique() + "@example.com";
        Api.anonymous(port()).post("/api/portal/register", registration("Ann", family, "1984-03-07", email));
        long id = jdbc().sql("SELECT id FROM portal_registration WHERE email = :e").param("e", email)
                .query(Long.class).single();
        Response made = admin().post("/api/portal-registrations/" + id + "/new-record", null);
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        long patientId = made.json().get("patientId").asLong();
        assertThat(admin().get("/api/patients/" + patientId).json().get("email").asString()).isEqualTo(email);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient WHERE family_name = :f").param("f", family)
                .query(Long.class).single()).isEqualTo(2);
    }

    // ---- the health questionnaire ---------------------------------------------------------------------------------

    @Test
    default void thePatientsAnswersChangeNothingUntilAClinicianChecksAndAcceptsThem() {
        SignedIn ann = signedInPatient();
        Api clinician = newUser("CLINICIAN");
        String history = "/api/patients/" + ann.patientId() + "/history";
        clinician.put(history, Histories.apply(Histories.allNo(), "duplex=NO_REFLUX"));
        assertThat(clinician.get(history).json().get("version").asInt()).isEqualTo(1);
        assertThat(ann.session().get("/api/portal/history").status()).isEqualTo(404);

        // saved as she goes, then sent: yes to tamoxifen, not sure about a clotting condition
        Map<String, Object> answers = Histories.apply(Histories.allNo(), "medications=TAMOXIFEN");
        answers.remove("duplex");
        answers.remove("thrombophilia");
        Response draft = ann.session().put("/api/portal/history/draft", Map.of("history", answers,
                "unsure", List.of("thrombophilia")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(clinician.get(history + "/proposals").json().size()).isZero();
        Response sent = ann.session().put("/api/portal/history", Map.of("history", answers,
                "unsure", List.of("thrombophilia")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ann.session().put("/api/portal/history/draft", Map.of("history", answers)).status())
                .isEqualTo(409);
        // still the clinic's version 1, with its scan
        JsonNode recorded = clinician.get(history).json();
        assertThat(recorded.get("version").asInt()).isEqualTo(1);
        assertThat(recorded.get("history").get("medications").size()).isZero();

        JsonNode list = clinician.get(history + "/proposals").json();
        assertThat(list.size()).isEqualTo(1);
        long q = list.get(0).get("id").asLong();
        assertThat(list.get(0).get("unsure").toString()).contains("thrombophilia");
        JsonNode review = clinician.get(history + "/proposals/" + q).json();
        assertThat(review.get("startingPoint").get("duplex").asString()).isEqualTo("NO_REFLUX");
        assertThat(review.get("startingPoint").get("medications").toString()).contains("TAMOXIFEN");
        assertThat(review.get("questionnaire").get("answers").get("thrombophilia").isNull()).isTrue();

        // reception may not see it; another clinic gets nothing
        assertThat(newUser("RECEPTION").get(history + "/proposals").status()).isEqualTo(403);
        String otherAdmin = "qother" + unique();
        clinics().createClinic("Other Questionnaire Clinic", ZoneId.of("Europe/London"), false, otherAdmin,
                "other-password-123", "test");
        Api other = Api.as(port(), otherAdmin, "other-password-123");
        assertThat(other.get(history + "/proposals/" + q).status()).isEqualTo(404);
        assertThat(other.post(history + "/proposals/" + q + "/accept", null).status()).isEqualTo(404);

        // the clinician asks, then records thrombophilia as no, and accepts
        Map<String, Object> checked = Histories.apply(Histories.allNo(), "medications=TAMOXIFEN, duplex=NO_REFLUX");
        Response accepted = clinician.send("POST", history + "/proposals/" + q + "/accept", checked,
                Map.of("If-Match", "\"1\""));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("version").asInt()).isEqualTo(2);
        assertThat(accepted.json().get("note").asString()).contains("patient's own answers");
        JsonNode now = clinician.get(history).json();
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(now.get("history").get("medications").toString()).contains("TAMOXIFEN");
        assertThat(now.get("history").get("duplex").asString()).isEqualTo("NO_REFLUX");
        assertThat(clinician.post(history + "/proposals/" + q + "/accept", null).status()).isEqualTo(409);
        assertThat(ann.session().get("/api/portal/history").json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(jdbc().sql("SELECT decided_by FROM history_proposal WHERE id = :q").param("q", q)
                .query(String.class).single()).isNotBlank();
        // a new questionnaire may follow
        assertThat(ann.session().put("/api/portal/history", answers).status()).isEqualTo(201);
    }

    @Test
    default void badQuestionnaireAnswersAreRefusedNamingTheFieldAndNothingIsKept() {
        SignedIn ann = signedInPatient();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        assertThat(ann.session().put("/api/portal/history", Map.of("lastAntibioticsOn", tomorrow)).errorFields())
                .containsExactly("lastAntibioticsOn");
        assertThat(ann.session().put("/api/portal/history", Map.of("duplex", "DEEP_REFLUX")).errorFields())
                .containsExactly("duplex");
        assertThat(ann.session().put("/api/portal/history", Map.of("history", Map.of(), "unsure",
                List.of("duplex"))).errorFields()).containsExactly("unsure");
        assertThat(ann.session().put("/api/portal/history", Map.of("pregnant", "perhaps")).errorFields())
                .containsExactly("pregnant");
        assertThat(ann.session().put("/api/portal/history", "[1, 2").status()).isEqualTo(400);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM history_proposal WHERE patient_id = :p")
                .param("p", ann.patientId()).query(Long.class).single()).isZero();
        assertThat(Api.withCookies(port()).put("/api/portal/history", Map.of()).status()).isEqualTo(401);
    }

    @Test
    default void thePatientsAnswersNeverQuietlyUndoWhatTheClinicRecorded() {
        SignedIn ann = signedInPatient();
        Api clinician = newUser("CLINICIAN");
        String history = "/api/patients/" + ann.patientId() + "/history";
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String lastMonth = LocalDate.now(ZoneId.of("Europe/London")).minusDays(30).toString();
        clinician.put(history, Histories.apply(Histories.allNo(), "previousDvtOrPe=true, duplex=SUPERFICIAL_REFLUX, "
                + "fitzpatrickSkinType=2, lastLegSurgeryOn=" + lastMonth));
        Map<String, Object> answers = Histories.apply(Histories.allNo(), "fitzpatrickSkinType=5, lastLegSurgeryOn="
                + LocalDate.now(ZoneId.of("Europe/London")).minusDays(200));
        answers.remove("duplex");
        ann.session().put("/api/portal/history", Map.of("history", answers, "unsure", List.of("pregnant")));
        long q = clinician.get(history + "/proposals").json().get(0).get("id").asLong();
        JsonNode start = clinician.get(history + "/proposals/" + q).json().get("startingPoint");
        assertThat(start.get("previousDvtOrPe").asBoolean()).as("a recorded clot stays").isTrue();
        assertThat(start.get("duplex").asString()).isEqualTo("SUPERFICIAL_REFLUX");
        assertThat(start.get("fitzpatrickSkinType").asInt()).as("the clinician's skin type").isEqualTo(2);
        assertThat(start.get("lastLegSurgeryOn").asString()).as("the later date").isEqualTo(lastMonth);
        assertThat(start.get("pregnant").isNull()).as("not sure: asked again").isTrue();
        assertThat(start.get("breastfeeding").asBoolean()).isFalse();

        // the patient sends again while the clinician is checking: accepting what was read is refused
        int read = clinician.get(history + "/proposals/" + q).json().get("questionnaire").get("version").asInt();
        answers.put("pregnant", true);
        ann.session().put("/api/portal/history", answers);
        Response stale = clinician.post(history + "/proposals/" + q + "/accept?questionnaireVersion=" + read, null);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(clinician.get(history).json().get("version").asInt()).isEqualTo(1);
        assertThat(today).isNotBlank();
    }

    @Test
    default void aRecordWithAnotherAddressIsNeverGivenTheRegistrationsOne() {
        String family = "Guarded" + unique();
        String theirs = "real" + unique() + "@example.com";
        long existing = admin().post("/api/patients", patient(family, Map.of("givenName", "Rose",
                "dateOfBirth", "1975-06-01", "email", theirs))).id();
        String stranger = "stranger" + unique() + "@example.com";
        Api.anonymous(port()).post("/api/portal/register", registration("Rose", family, "1975-06-01", stranger));
        long id = jdbc().sql("SELECT id FROM portal_registration WHERE email = :e").param("e", stranger)
                .query(Long.class).single();
        JsonNode held = null;
        for (JsonNode h : admin().get("/api/portal-registrations").json()) {
            if (h.get("registration").get("id").asLong() == id) {
                held = h;
            }
        }
        assertThat(held.get("matchedEmail").asString()).isEqualTo(theirs);
        Response link = admin().post("/api/portal-registrations/" + id + "/link", null);
        assertThat(link.status()).as(link.toString()).isEqualTo(409);
        assertThat(admin().get("/api/patients/" + existing).json().get("email").asString()).isEqualTo(theirs);
        assertThat(jdbc().sql("SELECT status FROM portal_registration WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("HELD");
    }

    @Test
    default void aCodeStaysReadableInTheOutboxOnlyUntilItIsUsedOrReplaced() {
        long clinicId = clinics().firstClinic().orElseThrow().id();
        String email = "outbox" + unique() + "@example.com";
        patientWithEmail(email);
        Api anyone = Api.withCookies(port());
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String first = codeSentTo(email);
        anyone.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String second = codeSentTo(email);
        List<String> bodies = jdbc().sql("SELECT body FROM reminder WHERE recipient = :e ORDER BY id")
                .param("e", email).query(String.class).list();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).doesNotContain(first);
        assertThat(bodies.get(1)).contains(second);
        assertThat(anyone.post("/api/portal/verify", verification(clinicId, email, second)).status()).isEqualTo(200);
        assertThat(jdbc().sql("SELECT body FROM reminder WHERE recipient = :e").param("e", email)
                .query(String.class).list()).noneMatch(b -> b.matches("(?s).*\\d{6}.*"));
    }

    @Test
    default void staffInviteAPatientToThePortalByTheAddressOnTheRecord() {
        String email = "invited" + unique() + "@example.com";
        long id = patientWithEmail(email);
        Api reception = newUser("RECEPTION");
        Response sent = reception.post("/api/patients/" + id + "/portal-invitation", null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String body = jdbc().sql("SELECT body FROM reminder WHERE recipient = :e AND kind = 'PORTAL'")
                .param("e", email).query(String.class).single();
        assertThat(body).contains("/portal/sign-in?clinic=");
        long without = admin().post("/api/patients", patient("NoEmail" + unique(), Map.of())).id();
        assertThat(reception.post("/api/patients/" + without + "/portal-invitation", null).errorFields())
                .containsExactly("email");
        String otherAdmin = "invother" + unique();
        clinics().createClinic("Other Invitation Clinic", ZoneId.of("Europe/London"), false, otherAdmin,
                "other-password-123", "test");
        assertThat(Api.as(port(), otherAdmin, "other-password-123").post("/api/patients/" + id
                + "/portal-invitation", null).status()).isEqualTo(404);
    }

    // ---- booking -------------------------------------------------------------------------------------------------

    @Test
    default void aPatientBooksAConsultationButNoTreatmentUntilTheRulesAllowAndMovesOrCancelsInGoodTime() {
        SignedIn ann = signedInPatient();
        Api clinician = newUser("CLINICIAN");
        LocalDate monday = nextMonday();
        JsonNode consultationTimes = ann.session().get("/api/portal/slots?type=CONSULTATION&from=" + monday
                + "&to=" + monday).json();
        assertThat(consultationTimes.size()).as(consultationTimes.toString()).isPositive();
        JsonNode slot = consultationTimes.get(0);
        assertThat(slot.get("start").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        Response consultation = ann.session().post("/api/portal/appointments", Map.of("type", "CONSULTATION",
                "start", slot.get("start").asString()));
        assertThat(consultation.status()).as(consultation.toString()).isEqualTo(201);
        assertThat(consultation.json().get("patientId").asLong()).isEqualTo(ann.patientId());
        assertThat(jdbc().sql("SELECT created_by FROM appointment WHERE id = :a").param("a", consultation.id())
                .query(String.class).single()).isEqualTo("patient (portal)");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM reminder WHERE appointment_id = :a")
                .param("a", consultation.id()).query(Long.class).single()).isEqualTo(1);

        // a treatment the day after: refused in plain words until a clinician has cleared her
        JsonNode treatmentTimes = ann.session().get("/api/portal/slots?type=TREATMENT&from=" + monday.plusDays(1)
                + "&to=" + monday.plusDays(1)).json();
        String tuesday = treatmentTimes.get(0).get("start").asString();
        Response refused = ann.session().post("/api/portal/appointments", Map.of("type", "TREATMENT",
                "start", tuesday));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/pathway-rule");
        assertThat(refused.json().get("rule").asString()).isEqualTo("CLEARANCE_REQUIRED");
        assertThat(refused.json().get("patientMessage").asString()).contains("cleared")
                .doesNotContain("CLEARANCE", "screening");

        clinician.put("/api/patients/" + ann.patientId() + "/history", history());
        assertThat(clinician.post("/api/patients/" + ann.patientId() + "/screenings", Map.of()).json()
                .get("outcome").asString()).isEqualTo("ELIGIBLE");
        Response treatment = ann.session().post("/api/portal/appointments", Map.of("type", "TREATMENT",
                "start", tuesday));
        assertThat(treatment.status()).as(treatment.toString()).isEqualTo(201);
        // a patient never has a clinician's powers
        assertThat(ann.session().post("/api/portal/appointments", Map.of("type", "TREATMENT", "start",
                monday.plusDays(2) + "T10:00", "override", Map.of("rule", "INTERVAL_TOO_SHORT", "reason", "x")))
                .status()).isNotIn(200, 201);

        JsonNode mine = ann.session().get("/api/portal/appointments").json();
        assertThat(mine.size()).isEqualTo(2);
        assertThat(mine.get(0).get("changeableOnline").asBoolean()).isTrue();

        // moved to another free time: the old one is cancelled as moved, the new one linked to it
        String later = treatmentTimes.get(treatmentTimes.size() - 1).get("start").asString();
        Response taken = ann.session().post("/api/portal/appointments/" + treatment.id() + "/reschedule",
                Map.of("start", slot.get("start").asString(), "practitionerId", slot.get("practitionerId").asLong()));
        assertThat(taken.status()).as("her own consultation's time: " + taken).isIn(409, 422);
        assertThat(jdbc().sql("SELECT status FROM appointment WHERE id = :a").param("a", treatment.id())
                .query(String.class).single()).as("a refused move leaves it booked").isEqualTo("BOOKED");
        assertThat(ann.session().post("/api/portal/appointments/" + treatment.id() + "/reschedule", Map.of())
                .errorFields()).containsExactly("start");
        // months later, past the time her screening clears treatment for: refused by the rule, in plain words
        Response unscreened = ann.session().post("/api/portal/appointments/" + treatment.id() + "/reschedule",
                Map.of("start", LocalDateTime.parse(tuesday).plusWeeks(18).toString()));
        assertThat(unscreened.status()).as(unscreened.toString()).isEqualTo(422);
        assertThat(unscreened.json().get("type").asString()).endsWith("/pathway-rule");
        assertThat(unscreened.json().get("rule").asString()).isEqualTo("CLEARANCE_REQUIRED");
        assertThat(jdbc().sql("SELECT status FROM appointment WHERE id = :a").param("a", treatment.id())
                .query(String.class).single()).as("a refused move leaves it booked").isEqualTo("BOOKED");
        Response moved = ann.session().post("/api/portal/appointments/" + treatment.id() + "/reschedule",
                Map.of("start", later));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(moved.json().get("rescheduledFrom").asLong()).isEqualTo(treatment.id());
        assertThat(moved.json().get("type").asString()).isEqualTo("TREATMENT");
        assertThat(jdbc().sql("SELECT cancel_reason FROM appointment WHERE id = :a").param("a", treatment.id())
                .query(String.class).single()).startsWith("Moved to");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM reminder WHERE appointment_id = :a AND status = 'PENDING'")
                .param("a", moved.id()).query(Long.class).single()).isEqualTo(1);
        Response again = ann.session().post("/api/portal/appointments/" + treatment.id() + "/reschedule",
                Map.of("start", later));
        assertThat(again.status()).as("moved already").isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already moved");
        JsonNode listed = ann.session().get("/api/portal/appointments").json();
        assertThat(listed.toString()).contains("\"moved\":true");

        Response cancelled = ann.session().post("/api/portal/appointments/" + moved.id() + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ann.session().post("/api/portal/appointments/" + moved.id() + "/cancel", null).status())
                .isEqualTo(409);

        // another patient's appointment is not found, and bad input names the field
        SignedIn bea = signedInPatient();
        assertThat(bea.session().post("/api/portal/appointments/" + consultation.id() + "/cancel", null).status())
                .isEqualTo(404);
        assertThat(bea.session().post("/api/portal/appointments/" + consultation.id() + "/reschedule",
                Map.of("start", later)).status()).isEqualTo(404);
        assertThat(bea.session().post("/api/portal/appointments", Map.of("type", "CONSULTATION")).errorFields())
                .containsExactly("start");
        assertThat(bea.session().post("/api/portal/appointments", Map.of("type", "SURGERY", "start",
                tuesday)).status()).isEqualTo(422);
        assertThat(bea.session().get("/api/portal/slots?type=CONSULTATION&from=" + monday + "&to="
                + monday.plusDays(30)).errorFields()).containsExactly("to");
        assertThat(bea.session().post("/api/portal/appointments", Map.of("type", "CONSULTATION", "start",
                slot.get("start").asString(), "practitionerId", slot.get("practitionerId").asLong())).status())
                .isEqualTo(409);
    }

    @Test
    default void freeTimesAcrossTheClinicKeepEachPractitionersHoursAbsencesAndBookings() {
        OwnClinic c = ownClinic();
        List<Long> practitioners = c.admin().get("/api/practitioners").json().findValues("id").stream()
                .map(JsonNode::asLong).toList();
        assertThat(practitioners).hasSize(2);
        long away = practitioners.get(0);
        long early = practitioners.get(1);
        LocalDate monday = nextMonday();
        assertThat(c.admin().post("/api/practitioners/" + away + "/absences", Map.of("start", monday + "T00:00",
                "end", monday.plusDays(1) + "T00:00", "reason", "Course")).status()).isEqualTo(201);
        assertThat(c.admin().put("/api/practitioners/" + early + "/hours", List.of(Map.of("weekday", 1, "start",
                "09:00", "end", "10:00"))).status()).isEqualTo(200);
        String email = "times" + unique() + "@example.com";
        long patientId = c.admin().post("/api/patients", patient("Times" + unique(), Map.of("email", email))).id();
        Api session = Api.withCookies(port());
        session.post("/api/portal/sign-in", Map.of("clinicId", c.clinicId(), "email", email));
        assertThat(session.post("/api/portal/verify", verification(c.clinicId(), email,
                org.venula.support.Outbox.signInCode(c.admin(), email))).status()).isEqualTo(200);

        JsonNode free = session.get("/api/portal/slots?type=CONSULTATION&from=" + monday + "&to=" + monday).json();
        assertThat(free.size()).as(free.toString()).isPositive();
        assertThat(free.findValues("practitionerId").stream().map(JsonNode::asLong).distinct().toList())
                .containsExactly(early);
        assertThat(free.findValuesAsString("start")).allMatch(t -> t.compareTo(monday + "T10:00") < 0);
        // booked by the patient, a time is no longer free; the staff's view of each practitioner agrees
        String first = free.get(0).get("start").asString();
        assertThat(session.post("/api/portal/appointments", Map.of("type", "CONSULTATION", "start", first))
                .status()).isEqualTo(201);
        assertThat(session.get("/api/portal/slots?type=CONSULTATION&from=" + monday + "&to=" + monday).json()
                .findValuesAsString("start")).doesNotContain(first);
        assertThat(c.admin().get("/api/slots?practitionerId=" + away + "&type=CONSULTATION&from=" + monday
                + "&to=" + monday).json().size()).isZero();
        assertThat(patientId).isPositive();
    }

    @Test
    default void theProtocolSaysWhatPatientsMayBookAndTheNoticeToCancelOnline() {
        String lead = "portallead" + unique();
        long clinicId = clinics().createClinic("Notice Clinic", ZoneId.of("Europe/London"), false, lead,
                "lead-password-123", "test").id();
        Api leadAdmin = Api.as(port(), lead, "lead-password-123");
        leadAdmin.post("/api/users", Map.of("username", "dr" + lead, "password", "a-long-password-1",
                "displayName", "Dr Notice", "role", "CLINICIAN", "profession", "Doctor", "registrationNumber",
                "GMC 7"));
        JsonNode doc = leadAdmin.get("/api/protocols/active").json();
        ((tools.jackson.databind.node.ObjectNode) doc.get("booking")).putObject("cancellationNoticeHours")
                .put("value", 1440).put("source", "Clinic policy, December 2026");
        ((tools.jackson.databind.node.ObjectNode) doc.get("booking")).putObject("patientsBookReviews")
                .put("value", false).put("source", "Clinic policy: reviews are booked by the clinic");
        Response saved = leadAdmin.put("/api/protocols/active?note=Portal%20booking", doc);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        String email = "notice" + unique() + "@example.com";
        long patientId = leadAdmin.post("/api/patients", patient("Notice" + unique(), Map.of("email", email))).id();
        Api session = Api.withCookies(port());
        session.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String code = org.venula.support.Outbox.signInCode(leadAdmin, email);
        assertThat(session.post("/api/portal/verify", Map.of("clinicId", clinicId, "email", email, "code",
                String.valueOf(code))).status()).isEqualTo(200);

        Response reviews = session.get("/api/portal/slots?type=REVIEW");
        assertThat(reviews.status()).as(reviews.toString()).isEqualTo(422);
        assertThat(reviews.json().get("type").asString()).endsWith("/not-bookable-online");
        LocalDate monday = nextMonday();
        JsonNode slot = session.get("/api/portal/slots?type=CONSULTATION&from=" + monday + "&to=" + monday).json()
                .get(0);
        long booked = session.post("/api/portal/appointments", Map.of("type", "CONSULTATION", "start",
                slot.get("start").asString())).id();
        assertThat(session.get("/api/portal/appointments").json().get(0).get("changeableOnline").asBoolean())
                .isFalse();
        Response lateMove = session.post("/api/portal/appointments/" + booked + "/reschedule", Map.of("start",
                slot.get("start").asString()));
        assertThat(lateMove.status()).as(lateMove.toString()).isEqualTo(422);
        assertThat(lateMove.json().get("type").asString()).endsWith("/notice-period");
        Response late = session.post("/api/portal/appointments/" + booked + "/cancel", null);
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.json().get("type").asString()).endsWith("/notice-period");
        assertThat(late.json().get("patientMessage").asString()).contains("1440 hours");
        assertThat(patientId).isPositive();
    }

    // ---- consent at home --------------------------------------------------------------------------------------------

    @Test
    default void aPatientConsentsAtHomeAndTheFirstInjectionWaitsForAClinicianToConfirmItInTheRoom() {
        SignedIn ann = signedInPatient();
        Api clinician = newUser("CLINICIAN");
        long id = ann.patientId();
        clinician.put("/api/patients/" + id + "/history", history());
        clinician.post("/api/patients/" + id + "/screenings", Map.of());
        Response c = clinician.post("/api/patients/" + id + "/consultations", consultation(Map.of()));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        long planId = clinician.post("/api/consultations/" + c.id() + "/plan", Map.of("sessions", 2)).id();
        clinician.post("/api/patients/" + id + "/screenings", Map.of());

        JsonNode plans = ann.session().get("/api/portal/plans").json();
        assertThat(plans.size()).isEqualTo(1);
        String text = plans.get(0).get("consentText").asString();
        assertThat(text).contains("Risks I have been told about", "calf");
        assertThat(ann.session().post("/api/portal/plans/" + planId + "/consent", Map.of()).errorFields())
                .containsExactly("patientName");
        Response given = ann.session().post("/api/portal/plans/" + planId + "/consent",
                Map.of("patientName", "Ann At Home"));
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        Map<String, Object> row = jdbc().sql("SELECT channel, witness_practitioner_id, consent_text, text_version "
                + "FROM consent WHERE plan_id = :p").param("p", planId).query().singleRow();
        assertThat(row.get("channel")).isEqualTo("PORTAL");
        assertThat(row.get("witness_practitioner_id")).isNull();
        assertThat(row.get("consent_text")).isEqualTo(text);
        assertThat(row.get("text_version")).isNotNull();
        assertThat(ann.session().post("/api/portal/plans/" + planId + "/consent", Map.of("patientName", "Ann"))
                .status()).isEqualTo(409);
        // another patient's plan is not found
        assertThat(signedInPatient().session().post("/api/portal/plans/" + planId + "/consent",
                Map.of("patientName", "Someone")).status()).isEqualTo(404);

        Response waits = clinician.post("/api/patients/" + id + "/sessions",
                Map.of("adHocReason", "Course session", "weightKg", 65, "confirmed", CHECKLIST));
        assertThat(waits.status()).as(waits.toString()).isEqualTo(422);
        assertThat(waits.json().get("reasons").findValuesAsString("code")).contains("CONSENT_NOT_CONFIRMED");

        long consentId = clinician.get("/api/plans/" + planId).json().get("consents").get(0).get("id").asLong();
        Response confirmed = clinician.post("/api/plans/" + planId + "/consent/" + consentId + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("consents").get(0).get("witnessName").asString()).isNotBlank();
        assertThat(clinician.post("/api/plans/" + planId + "/consent/" + consentId + "/confirm", null).status())
                .isEqualTo(409);
        Response starts = clinician.post("/api/patients/" + id + "/sessions",
                Map.of("adHocReason", "Course session", "weightKg", 65, "confirmed", CHECKLIST));
        assertThat(starts.status()).as(starts.toString()).isEqualTo(201);
    }

    // ---- result photos ---------------------------------------------------------------------------------------------

    @Test
    default void aPatientSendsAResultPhotoOfATreatedAreaInTheWindowAndItLandsOnTheChart() throws Exception {
        Api clinician = newUser("CLINICIAN");
        Treated treated = treatedAndSignedIn(clinician, "Photo");
        Ready p = treated.ready();
        Api session = treated.in().session();
        byte[] jpeg = org.venula.support.PhonePhotos.jpeg(40, 30, 1);
        // weeks before the window: refused, nothing kept
        Response early = session.send("POST", "/api/portal/photos?areaId=" + p.areaIds().get(0),
                multipartBody(jpeg), Map.of("Content-Type", "multipart/form-data; boundary=venula",
                        "X-Requested-With", "test"));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().get("type").asString()).endsWith("/not-in-photo-window");

        // the window opens: move it to today in the stored plan
        String plan = jdbc().sql("SELECT plan FROM aftercare_plan WHERE patient_id = :p").param("p", p.patientId())
                .query(String.class).single();
        tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(plan);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        ((tools.jackson.databind.node.ObjectNode) doc.get("resultPhotos")).put("from", today).put("until", today);
        jdbc().sql("UPDATE aftercare_plan SET plan = :d WHERE patient_id = :p").param("d", doc.toString())
                .param("p", p.patientId()).update();
        assertThat(session.send("POST", "/api/portal/photos?areaId=" + p.areaIds().get(0), multipartBody(jpeg),
                Map.of("Content-Type", "multipart/form-data; boundary=venula")).status()).as("no header")
                .isEqualTo(400);
        assertThat(session.send("POST", "/api/portal/photos?areaId=999999", multipartBody(jpeg),
                Map.of("Content-Type", "multipart/form-data; boundary=venula", "X-Requested-With", "test"))
                .errorFields()).containsExactly("areaId");
        Response sent = session.send("POST", "/api/portal/photos?areaId=" + p.areaIds().get(0), multipartBody(jpeg),
                Map.of("Content-Type", "multipart/form-data; boundary=venula", "X-Requested-With", "test"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        JsonNode onChart = clinician.get("/api/consultations/" + p.consultationId() + "/photos").json();
        assertThat(onChart.toString()).contains("patient (portal)");
    }

    private static byte[] multipartBody(byte[] jpeg) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--venula\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leg.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes("\r\n--venula--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A patient treated today (one signed session of two planned), with their aftercare plan, signed in. */
    record Treated(Ready ready, long sessionId, SignedIn in) {
    }

    default Treated treatedAndSignedIn(Api clinician, String familyName) {
        Ready p = readyPatient(clinician, familyName + unique());
        String email = familyName.toLowerCase(java.util.Locale.ROOT) + unique() + "@example.com";
        jdbc().sql("UPDATE patient SET email = :e WHERE id = :p").param("e", email).param("p", p.patientId()).update();
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "PH" + unique(), LocalDate.now().plusYears(1));
        long sessionId = signedSession(clinician, p, lot);
        long clinicId = clinics().firstClinic().orElseThrow().id();
        Api session = Api.withCookies(port());
        session.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        assertThat(session.post("/api/portal/verify", verification(clinicId, email, codeSentTo(email))).status())
                .isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc()
                .sql("SELECT COUNT(*) FROM aftercare_plan WHERE patient_id = :p").param("p", p.patientId())
                .query(Long.class).single() > 0 && jdbc()
                .sql("SELECT COUNT(*) FROM follow_up_task WHERE patient_id = :p").param("p", p.patientId())
                .query(Long.class).single() > 0);
        return new Treated(p, sessionId, new SignedIn(p.patientId(), email, session));
    }

    // ---- aftercare and after the course ----------------------------------------------------------------------------

    @Test
    default void aPatientFollowsTheirAftercareAndChecksInFromThePortalWhileThePrivateLinkKeepsWorking() {
        Api clinician = newUser("CLINICIAN");
        Treated t = treatedAndSignedIn(clinician, "Aftercare");
        Api session = t.in().session();
        JsonNode plans = session.get("/api/portal/aftercare").json();
        assertThat(plans.size()).as(plans.toString()).isEqualTo(1);
        long planId = plans.get(0).get("id").asLong();
        assertThat(plans.get(0).get("plan").get("instructions").size()).isPositive();
        assertThat(plans.get(0).get("plan").get("redFlags").toString()).contains("EMERGENCY");

        Response checkIn = session.post("/api/portal/aftercare/" + planId + "/check-ins",
                Map.of("symptoms", List.of("CALF_SWELLING_OR_PAIN"), "note", "Since last night"));
        assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(201);
        assertThat(checkIn.json().get("level").asString()).isEqualTo("URGENT");
        assertThat(clinician.get("/api/patients/" + t.ready().patientId() + "/check-ins").json().toString())
                .contains("CALF_SWELLING_OR_PAIN", "Since last night");
        assertThat(jdbc().sql("SELECT channel FROM access_log WHERE patient_id = :p AND action = 'CHECK_IN'")
                .param("p", t.ready().patientId()).query(String.class).list()).containsExactly("PORTAL");
        assertThat(session.post("/api/portal/aftercare/" + planId + "/check-ins", Map.of("symptoms",
                List.of("HEADACHE_X"))).errorFields()).containsExactly("symptoms");

        // the pages: the plan, its leaflet and calendar, and the check-in's answer
        assertThat(session.get("/portal/aftercare").status()).isIn(200, 302);
        Response page = session.get("/portal/aftercare/" + planId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("What to do, day by day", "When to get help", "Tell us how you are");
        assertThat(session.bytes("/portal/aftercare/" + planId + "/leaflet.pdf").contentType())
                .isEqualTo("application/pdf");
        assertThat(session.bytes("/portal/aftercare/" + planId + "/aftercare.ics").contentType())
                .startsWith("text/calendar");

        // another patient's plan is not found; the private link still works beside the portal
        SignedIn bea = signedInPatient();
        assertThat(bea.session().post("/api/portal/aftercare/" + planId + "/check-ins", Map.of("symptoms",
                List.of())).status()).isEqualTo(404);
        assertThat(bea.session().get("/portal/aftercare/" + planId).status()).isEqualTo(404);
        assertThat(bea.session().get("/api/portal/aftercare").json().size()).isZero();
        String url = clinician.post("/api/aftercare/plans/" + planId + "/link", null).json().get("url").asString();
        assertThat(Api.anonymous(port()).get(url.substring(url.indexOf("/my/"))).status()).isEqualTo(200);

        // a plan made again replaces the old one: the old one's id is not found, the new one is the plan shown
        Response again = clinician.post("/api/aftercare/plans/" + planId + "/regenerate", Map.of("reason",
                "Protocol updated"));
        assertThat(again.status()).as(again.toString()).isIn(200, 201);
        assertThat(session.post("/api/portal/aftercare/" + planId + "/check-ins", Map.of("symptoms", List.of()))
                .status()).isEqualTo(404);
        assertThat(session.get("/api/portal/aftercare").json().get(0).get("id").asLong()).isEqualTo(again.id());
    }

    @Test
    default void afterTheLastSessionThePatientIsAskedOnceHowItWentAndInvitedToBookTheRecall() {
        Api clinician = newUser("CLINICIAN");
        Treated t = treatedAndSignedIn(clinician, "Feedback");
        Api session = t.in().session();
        long patientId = t.ready().patientId();
        // mid-course: nothing is asked, and an answer is refused
        JsonNode none = session.get("/api/portal/follow-up").json();
        assertThat(none.get("satisfaction").isNull()).as(none.toString()).isTrue();
        assertThat(none.get("recall").isNull()).isTrue();
        Response early = session.post("/api/portal/feedback", Map.of("satisfaction", 4, "wouldRepeat", true));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("/no-feedback-due");

        // the session ended the course (its recall is due in ten days) and its review window has opened
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        jdbc().sql("UPDATE follow_up_task SET kind = 'MAINTENANCE_RECALL', due_from = :f, due_until = NULL"
                + " WHERE patient_id = :p AND kind = 'NEXT_SESSION'").param("f", today.plusDays(10))
                .param("p", patientId).update();
        jdbc().sql("UPDATE follow_up_task SET due_from = :f WHERE patient_id = :p AND kind = 'REVIEW'")
                .param("f", today).param("p", patientId).update();
        JsonNode due = session.get("/api/portal/follow-up").json();
        assertThat(due.get("satisfaction").get("sessionId").asLong()).as(due.toString()).isEqualTo(t.sessionId());
        assertThat(due.get("recall").get("from").asString()).isEqualTo(today.plusDays(10).toString());
        assertThat(session.get("/portal").text()).contains("How did your treatment go?", "Time for your check-up");

        assertThat(session.post("/api/portal/feedback", Map.of("satisfaction", 6)).errorFields())
                .containsExactlyInAnyOrder("satisfaction", "wouldRepeat");
        assertThat(session.post("/api/portal/feedback", Map.of("satisfaction", 4, "wouldRepeat", true,
                "comment", "x".repeat(1001))).errorFields()).containsExactly("comment");
        Response answered = session.post("/api/portal/feedback", Map.of("satisfaction", 4, "wouldRepeat", true,
                "comment", "Much better"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.json().get("satisfaction").asInt()).isEqualTo(4);
        assertThat(session.post("/api/portal/feedback", Map.of("satisfaction", 1, "wouldRepeat", false)).status())
                .as("answered once").isEqualTo(409);
        assertThat(session.get("/api/portal/follow-up").json().get("satisfaction").isNull()).isTrue();

        // the clinician sees it on the chart's API and on the review form, filled in
        JsonNode feedback = clinician.get("/api/patients/" + patientId + "/feedback").json();
        assertThat(feedback.size()).isEqualTo(1);
        assertThat(feedback.get(0).get("comment").asString()).isEqualTo("Much better");
        org.venula.support.PageBrowser staff = new org.venula.support.PageBrowser(port());
        staff.signIn("admin", ADMIN_PASSWORD);
        assertThat(staff.get("/patients/" + patientId + "/reviews/new").body())
                .contains("The patient answered in the portal", "Much better");
        assertThat(staff.get("/patients/" + patientId + "/follow-ups/summary").body())
                .contains("rated the course", "4 of 5", "Much better");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM access_log WHERE patient_id = :p AND action = 'GIVE_FEEDBACK'"
                + " AND channel = 'PORTAL'").param("p", patientId).query(Long.class).single()).isEqualTo(1);
        // another patient cannot read it
        assertThat(signedInPatient().session().get("/api/portal/follow-up").json().get("satisfaction").isNull())
                .isTrue();

        // booking a consultation answers the recall: it is no longer an invitation
        JsonNode slots = session.get("/api/portal/slots?type=CONSULTATION&from=" + today.plusDays(10)).json();
        Response booked = session.post("/api/portal/appointments", Map.of("type", "CONSULTATION", "start",
                slots.get(0).get("start").asString()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(session.get("/api/portal/follow-up").json().get("recall").isNull()).isTrue();
        JsonNode recall = clinician.get("/api/patients/" + patientId + "/follow-ups").json().valueStream()
                .filter(f -> f.get("kind").asString().equals("MAINTENANCE_RECALL")).findFirst().orElseThrow();
        assertThat(recall.get("status").asString()).isEqualTo("BOOKED");
    }

    // ---- races ---------------------------------------------------------------------------------------------------

    /** Runs each call at once on its own thread; the statuses answered, counted. */
    static Map<Integer, Long> atOnce(List<java.util.function.Supplier<Response>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
            for (java.util.function.Supplier<Response> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Response> a : answers) {
                statuses.merge(a.get(60, java.util.concurrent.TimeUnit.SECONDS).status(), 1L, Long::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void anAppointmentMovedTwiceAtOnceMovesOnceAndTwoAnswersAtOnceKeepOne() throws Exception {
        SignedIn ann = signedInPatient();
        LocalDate monday = nextMonday();
        JsonNode times = ann.session().get("/api/portal/slots?type=CONSULTATION&from=" + monday + "&to="
                + monday.plusDays(2)).json();
        long booked = ann.session().post("/api/portal/appointments", Map.of("type", "CONSULTATION", "start",
                times.get(0).get("start").asString())).id();
        List<java.util.function.Supplier<Response>> moves = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String to = times.get(i).get("start").asString();
            moves.add(() -> ann.session().post("/api/portal/appointments/" + booked + "/reschedule",
                    Map.of("start", to)));
        }
        Map<Integer, Long> statuses = atOnce(moves);
        assertThat(statuses.get(201)).as(statuses.toString()).isEqualTo(1L);
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(201, 409);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM appointment WHERE patient_id = :p AND status = 'BOOKED'")
                .param("p", ann.patientId()).query(Long.class).single()).isEqualTo(1);

        Api clinician = newUser("CLINICIAN");
        Treated t = treatedAndSignedIn(clinician, "Answers");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        jdbc().sql("UPDATE follow_up_task SET kind = 'MAINTENANCE_RECALL', due_from = :f, due_until = NULL"
                + " WHERE patient_id = :p AND kind = 'NEXT_SESSION'").param("f", today.plusMonths(12))
                .param("p", t.ready().patientId()).update();
        jdbc().sql("UPDATE follow_up_task SET due_from = :f WHERE patient_id = :p AND kind = 'REVIEW'")
                .param("f", today).param("p", t.ready().patientId()).update();
        List<java.util.function.Supplier<Response>> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int score = i;
            answers.add(() -> t.in().session().post("/api/portal/feedback", Map.of("satisfaction", score,
                    "wouldRepeat", true)));
        }
        Map<Integer, Long> answered = atOnce(answers);
        assertThat(answered.get(201)).as(answered.toString()).isEqualTo(1L);
        assertThat(answered.keySet()).as(answered.toString()).isSubsetOf(201, 409);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient_feedback WHERE patient_id = :p")
                .param("p", t.ready().patientId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    default void tenTriesOfOneCodeAtOnceSignInOnceAndUseNoMoreThanFiveTries() throws Exception {
        long clinicId = clinics().firstClinic().orElseThrow().id();
        String email = "race" + unique() + "@example.com";
        long patientId = patientWithEmail(email);
        Api.anonymous(port()).post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String code = codeSentTo(email);
        List<java.util.function.Supplier<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> Api.withCookies(port()).post("/api/portal/verify", verification(clinicId, email, code)));
        }
        Map<Integer, Long> statuses = atOnce(calls);
        assertThat(statuses).containsEntry(200, 1L).containsEntry(401, 9L);
        assertThat(jdbc().sql("SELECT attempts FROM portal_code WHERE patient_id = :p").param("p", patientId)
                .query(Integer.class).single()).isBetween(1, 5);
    }

    @Test
    default void answersSentTwiceAtOnceMakeOneQuestionnaireAndTwoClinicianAcceptOnce() throws Exception {
        SignedIn ann = signedInPatient();
        Map<String, Object> answers = Histories.apply(Histories.allNo(), "-");
        answers.remove("duplex");
        List<java.util.function.Supplier<Response>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sends.add(() -> ann.session().put("/api/portal/history", answers));
        }
        Map<Integer, Long> sent = atOnce(sends);
        assertThat(sent.keySet()).allMatch(s -> s == 200 || s == 201 || s == 409);
        assertThat(sent.get(201)).isEqualTo(1L);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM history_proposal WHERE patient_id = :p")
                .param("p", ann.patientId()).query(Long.class).single()).isEqualTo(1);

        Api one = newUser("CLINICIAN");
        Api two = newUser("CLINICIAN");
        String proposals = "/api/patients/" + ann.patientId() + "/history/proposals";
        long q = one.get(proposals).json().get(0).get("id").asLong();
        Map<Integer, Long> accepted = atOnce(List.of(() -> one.post(proposals + "/" + q + "/accept", null),
                () -> two.post(proposals + "/" + q + "/accept", null)));
        assertThat(accepted).containsEntry(200, 1L).containsEntry(409, 1L);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM medical_history WHERE patient_id = :p")
                .param("p", ann.patientId()).query(Long.class).single()).isEqualTo(1);
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
