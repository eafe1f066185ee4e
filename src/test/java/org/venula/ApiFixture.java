package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.venula.clinic.Clinics;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;

/**
 * What every API scenario stands on: the running application (its port, an administrator signed in, the database)
 * and the steps that set a clinic's records up through the API, such as a patient ready for treatment or a signed
 * session. The scenario interfaces ({@link ApiScenarios}, {@link TreatmentScenarios}, {@link AftercareScenarios},
 * {@link OutcomeScenarios}, {@link HostileInputScenarios}, {@link ClinicDayScenarios}) each extend only this; an
 * integration test implements the scenarios it runs and takes the application from {@link RunningApplication}.
 * Each scenario makes its own patients and users, so scenarios never depend on each other.
 */
interface ApiFixture {

    /** The port the application listens on. */
    int port();

    /** The clinic facade, for scenarios that need a clinic of their own. */
    Clinics clinics();

    /** The database, for what only SQL can show. */
    JdbcClient jdbc();

    /** The first start's administrator, signed in afresh for each scenario. */
    Api admin();

    /** Generates a clinic's history for the audit scenarios. */
    org.venula.demo.DemoHistory demoHistory();

    AtomicInteger UNIQUE = new AtomicInteger();
    String ADMIN_PASSWORD = "test-admin-password";

    // ---- helpers -----------------------------------------------------------------------------------------------

    static int unique() {
        return UNIQUE.incrementAndGet() * 1000 + (int) (System.nanoTime() % 1000 + 1000) % 1000;
    }

    default Api newUser(String role) {
        String username = role.toLowerCase() + unique();
        Response r = admin().post("/api/users", Map.of("username", username, "password", "a-long-password-1",
                "displayName", "Test " + role, "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return Api.as(port(), username, "a-long-password-1");
    }

    static Map<String, Object> patient(String familyName, Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("givenName", "Ann");
        p.put("familyName", familyName);
        p.put("dateOfBirth", "1984-03-07");
        p.put("sex", "FEMALE");
        p.put("weightKg", 61.5);
        p.putAll(overrides);
        return p;
    }

    static Map<String, Object> history() {
        Map<String, Object> h = new HashMap<>();
        for (String q : List.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins", "acuteDvtOrPe",
                "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges", "migraineWithAura",
                "knownRightToLeftShunt", "peripheralArterialDisease", "poorlyControlledDiabetes")) {
            h.put(q, false);
        }
        h.put("ableToWalk", true);
        h.put("duplex", "NOT_DONE");
        h.put("medications", List.of());
        h.put("sclerosantAllergies", List.of());
        h.put("lastAntibioticsOn", null);
        return h;
    }

    static Map<String, Object> evaluation(Map<String, Object> changes) {
        Map<String, Object> h = history();
        h.putAll(changes);
        for (String d : List.of("lastAntibioticsOn", "lastThrombophlebitisOn", "lastHeartProblemOn", "lastLegSurgeryOn",
                "plannedLongHaulFlightOn", "fitzpatrickSkinType")) {
            h.putIfAbsent(d, null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("asOf", "2026-11-22");
        body.put("area", "LEGS");
        body.put("protocol", "standard");
        body.put("history", h);
        return body;
    }

    static Map<String, Object> consultation(Map<String, Object> changes) {
        Map<String, Object> c = new HashMap<>();
        c.put("standingExamination", true);
        c.put("dopplerDone", true);
        c.put("duplexDone", false);
        c.put("refluxResult", "NO_REFLUX");
        c.put("visibleVaricoseVeins", false);
        c.put("ceap", Map.of("left", Map.of("clinical", "C1", "symptomatic", false),
                "right", Map.of("clinical", "C1", "symptomatic", true, "etiology", "Ep", "pathophysiology", "Pn")));
        c.put("symptoms", List.of("ACHING", "NIGHT_CRAMPS"));
        c.put("areas", List.of(
                Map.of("leg", "LEFT", "region", "CALF", "aspect", "LATERAL", "veinType", "TELANGIECTASIA", "size", "SMALL"),
                Map.of("leg", "RIGHT", "region", "THIGH", "aspect", "LATERAL", "veinType", "RETICULAR", "size", "MEDIUM"),
                Map.of("leg", "RIGHT", "region", "KNEE", "aspect", "MEDIAL", "veinType", "TELANGIECTASIA", "size", "SMALL")));
        c.putAll(changes);
        return c;
    }

    static byte[] jpeg(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(232, 196, 170));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(170, 40, 60));
        for (int i = 0; i < 12; i++) {
            g.drawLine(width / 3 + i * 9, height / 4, width / 2 + i * 5, height * 3 / 4);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    static Map<String, Object> booking(long patientId, long practitionerId, String type, LocalDateTime start) {
        Map<String, Object> b = new HashMap<>();
        b.put("patientId", patientId);
        b.put("practitionerId", practitionerId);
        b.put("type", type);
        b.put("start", start.toString());
        return b;
    }

    static LocalDate nextMonday() {
        LocalDate d = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7);
        while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    static List<Long> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    List<String> CHECKLIST = List.of("LEGS_NOT_SHAVED", "NO_MOISTURISER", "HOSIERY_BROUGHT");

    /** A patient screened, consulted, planned and consented: ready for a session. */
    record Ready(long patientId, long consultationId, List<Long> areaIds, long planId) {
    }

    default Ready readyPatient(Api clinician, String familyName) {
        long id = clinician.post("/api/patients", patient(familyName, Map.of())).id();
        clinician.put("/api/patients/" + id + "/history", history());
        assertThat(clinician.post("/api/patients/" + id + "/screenings", Map.of()).status()).isEqualTo(201);
        Response c = clinician.post("/api/patients/" + id + "/consultations", consultation(Map.of()));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        List<Long> areas = c.json().get("areas").findValues("id").stream().map(JsonNode::asLong).toList();
        long planId = clinician.post("/api/consultations/" + c.id() + "/plan", Map.of("sessions", 2)).id();
        assertThat(clinician.post("/api/plans/" + planId + "/consent", Map.of("patientName", "Ann " + familyName))
                .status()).isEqualTo(201);
        // The consultation recorded a Doppler result, a new history version: screen again so the clearance is current.
        assertThat(clinician.post("/api/patients/" + id + "/screenings", Map.of()).status()).isEqualTo(201);
        return new Ready(id, c.id(), areas, planId);
    }

    default long lot(Api clinician, String agent, String strength, String lotNumber, LocalDate expiry) {
        Response r = clinician.post("/api/lots", Map.of("agent", agent, "product", agent.startsWith("POL")
                ? "Aethoxysklerol" : "Fibrovein", "strengthPercent", strength, "lotNumber", lotNumber,
                "expiryDate", expiry.toString(), "quantity", 10));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    static Map<String, Object> injection(long areaId, long lotId, Map<String, Object> changes) {
        Map<String, Object> i = new HashMap<>();
        i.put("areaId", areaId);
        i.put("lotId", lotId);
        i.put("form", "LIQUID");
        i.put("volumeMl", 0.5);
        i.put("needleGauge", 30);
        i.put("x", 120);
        i.put("y", 300);
        i.put("view", "FRONT");
        i.putAll(changes);
        return i;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    default long startSession(Api clinician, Ready p) {
        Response r = clinician.post("/api/patients/" + p.patientId() + "/sessions",
                Map.of("adHocReason", "Course session", "weightKg", 65, "confirmed", CHECKLIST));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    static void chart(Api clinician, long session, Map<String, Object> injection) {
        Response r = clinician.post("/api/sessions/" + session + "/injections", injection);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    default long signedSession(Api clinician, Ready p, long lot) {
        long s = startSession(clinician, p);
        chart(clinician, s, injection(p.areaIds().get(0), lot, Map.of()));
        clinician.put("/api/sessions/" + s + "/compression", Map.of("type", "STOCKING", "length", "THIGH",
                "lowMmHg", 14, "highMmHg", 17, "standard", "UK"));
        clinician.put("/api/sessions/" + s + "/reactions", Map.of("reactions", List.of("NONE")));
        Response signed = clinician.post("/api/sessions/" + s + "/sign", null);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return s;
    }

    /** A clinic of its own, so the audit counts only what the test made. */
    record OwnClinic(long clinicId, Api admin, Api clinician, Api second) {
    }

    default OwnClinic ownClinic() {
        String adminName = "lead" + unique();
        long clinicId = clinics().createClinic("Audit Clinic " + adminName, ZoneId.of("Europe/London"), false,
                adminName, "lead-password-123", "test").id();
        Api lead = Api.as(port(), adminName, "lead-password-123");
        Api[] clinicians = new Api[2];
        for (int i = 0; i < 2; i++) {
            String name = "auditdr" + unique();
            assertThat(lead.post("/api/users", Map.of("username", name, "password", "a-long-password-1",
                    "displayName", "Dr Audit " + i, "role", "CLINICIAN")).status()).isEqualTo(201);
            clinicians[i] = Api.as(port(), name, "a-long-password-1");
        }
        return new OwnClinic(clinicId, lead, clinicians[0], clinicians[1]);
    }

    /** Generates {@code sessions} sessions of history in a clinic of its own and returns what the audit must find. */
    record Generated(OwnClinic clinic, org.venula.demo.DemoHistory.Summary summary) {
    }

    default Generated generated(int sessions, java.time.LocalDate from, java.time.LocalDate to) {
        OwnClinic c = ownClinic();
        Ready template = readyPatient(c.clinician(), "Template" + unique());
        lot(c.clinician(), "POLIDOCANOL", "0.5", "G" + unique(), today().plusYears(1));
        lot(c.clinician(), "SODIUM_TETRADECYL_SULFATE", "0.2", "H" + unique(), today().plusYears(1));
        long clinicId = c.clinicId();
        List<Long> practitioners = c.admin().get("/api/practitioners").json().findValues("id").stream()
                .map(JsonNode::asLong).toList();
        return new Generated(c, demoHistory().generate(clinicId, template.patientId(), practitioners, sessions, from, to, 7L));
    }

    static void assertAuditMatches(JsonNode audit, org.venula.demo.DemoHistory.Summary s) {
        assertThat(audit.get("sessions").asInt()).isEqualTo(s.sessions());
        assertThat(audit.get("patientsTreated").asInt()).isEqualTo(s.patients());
        assertThat(audit.get("courses").asInt()).isEqualTo(s.courses());
        assertThat(audit.get("doseOverrides").get("events").asInt()).isEqualTo(s.overrideSessions());
        for (JsonNode r : audit.get("complications")) {
            assertThat(r.get("events").asInt()).as(r.get("type").asString())
                    .isEqualTo(s.sessionsWithComplication().getOrDefault(r.get("type").asString(), 0));
        }
        long byPractitioner = audit.get("practitioners").valueStream().mapToLong(p -> p.get("sessions").asLong()).sum();
        assertThat(byPractitioner).isEqualTo(s.sessions());
    }
}
