package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.venula.ApiFixture.*;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests that once answered 500, each as a client can send it: now a clear 4xx naming the field or the conflict,
 * with nothing stored changed. And follow-on work that fails once is done on retry without failing the signing.
 */
interface HostileInputScenarios extends ApiFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    default void aWildcardContentTypeIsUnsupportedMediaType() {
        long before = patientCount();
        for (String method : List.of("POST", "PUT")) {
            Response r = admin().send(method, "/api/patients", "{\"givenName\":\"Wild\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "*/*"));
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.errorFields()).containsExactly("Content-Type");
        }
        Response garbage = admin().send("POST", "/api/patients", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "json"));
        assertThat(garbage.status()).isEqualTo(415);
        assertThat(patientCount()).isEqualTo(before);
    }

    @Test
    default void brokenPercentEscapesAreMalformedRequests() {
        Response form = admin().send("POST", "/api/patients", "a=% o".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("type").asString()).endsWith("/malformed-parameters");
        assertThat(admin().rawGetStatus("/api/patients?query=%")).isEqualTo(400);
        assertThat(admin().rawGetStatus("/api/patients?query=%zz")).isEqualTo(400);
        assertThat(admin().get("/api/patients?query=%25").status()).as("an escaped % is a plain search").isEqualTo(200);
    }

    @Test
    default void nullsInsideListsAreRefusedWhereTheyStand() {
        Api clinician = newUser("CLINICIAN");
        Response plan = clinician.post("/api/aftercare/plan", Map.of("treatmentDate", today().toString(),
                "veinTypes", java.util.Arrays.asList((Object) null)));
        assertThat(plan.status()).isEqualTo(422);
        assertThat(plan.errorFields()).containsExactly("veinTypes[0]");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        Response hours = clinician.put("/api/practitioners/" + practitioner + "/hours", "[null]");
        assertThat(hours.status()).isEqualTo(422);
        assertThat(hours.errorFields()).containsExactly("[0]");
    }

    @Test
    default void aProtocolWithANullSettingIsRefusedNamingItAndNothingChanges() {
        OwnClinic c = ownClinic();
        JsonNode active = c.admin().get("/api/protocols/active").json();
        ObjectNode doc = (ObjectNode) (active.has("document") ? active.get("document") : active).deepCopy();
        ((ObjectNode) doc.get("booking")).putNull("consultationMinutes");
        Response r = c.admin().put("/api/protocols/active", JSON.writeValueAsString(doc));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorFields()).anyMatch(f -> f.startsWith("booking.consultationMinutes"));
        assertThat(c.admin().get("/api/protocols").json().get("versions").size()).isEqualTo(1);
    }

    @Test
    default void controlCharactersAreRefusedNamingTheFieldAndOrdinaryWhitespaceIsNot() {
        long before = patientCount();
        Response nul = admin().post("/api/patients", patient("Nul\u0000" + unique(), Map.of()));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.errorFields()).containsExactly("familyName");
        Response bell = admin().post("/api/patients", patient("Bell" + unique(), Map.of("address", "1 Road\u0007")));
        assertThat(bell.errorFields()).containsExactly("address");
        assertThat(admin().get("/api/patients?query=a%00b").errorFields()).containsExactly("query");
        assertThat(patientCount()).isEqualTo(before);
        Response lines = admin().post("/api/patients", patient("Lines" + unique(),
                Map.of("address", "1 Harbour Road\nPortsmouth\tPO1 2AB")));
        assertThat(lines.status()).as("line breaks and tabs belong in an address").isEqualTo(201);
    }

    @Test
    default void datesAtTheEdgeOfTheCalendarAreRefusedNamingTheField() {
        Api clinician = newUser("CLINICIAN");
        Response plan = clinician.post("/api/aftercare/plan", Map.of("treatmentDate", "+999999999-12-31",
                "veinTypes", List.of("TELANGIECTASIA")));
        assertThat(plan.status()).isEqualTo(422);
        assertThat(plan.errorFields()).containsExactly("treatmentDate");
        Response audit = admin().get("/api/audit/outcomes?to=%2B999999999-12-31");
        assertThat(audit.status()).isEqualTo(422);
        assertThat(audit.errorFields()).containsExactly("to");
        Response dob = admin().post("/api/patients", patient("Ancient" + unique(), Map.of("dateOfBirth", "-0001-01-01")));
        assertThat(dob.errorFields()).containsExactly("dateOfBirth");
        Response booking = admin().post("/api/appointments", Map.of("patientId", 1, "practitionerId", 1,
                "type", "CONSULTATION", "start", "+999999999-12-31T09:00"));
        assertThat(booking.errorFields()).containsExactly("start");
        assertThat(admin().get("/api/slots?practitionerId=1&type=CONSULTATION&from=%2B999999999-12-31&to=2026-12-31").status())
                .isEqualTo(422);
    }

    @Test
    default void aFreshClinicUsedByManyAtOnceAdoptsItsProtocolOnceAndAnswersEveryone() throws Exception {
        OwnClinic c = ownClinic();
        long patient = c.clinician().post("/api/patients", patient("Crowd" + unique(), Map.of())).id();
        long practitioner = c.clinician().get("/api/me").json().get("practitionerId").asLong();
        List<Integer> statuses = concurrently(30, i -> c.admin().post("/api/appointments", booking(patient,
                practitioner, "CONSULTATION", nextMonday().plusWeeks(1).atTime(9, 0).plusMinutes(30L * (i % 14))))
                .status());
        assertThat(statuses).allMatch(s -> s < 500).contains(201);
        assertThat(c.admin().get("/api/protocols").json().get("versions").size()).isEqualTo(1);
    }

    @Test
    default void protocolSavesAtTheSameMomentEachBecomeAVersion() throws Exception {
        OwnClinic c = ownClinic();
        JsonNode active = c.admin().get("/api/protocols/active").json();
        String doc = JSON.writeValueAsString(active.has("document") ? active.get("document") : active);
        List<Integer> statuses = concurrently(10, i -> c.admin().put("/api/protocols/active?note=save" + i, doc)
                .status());
        assertThat(statuses).containsOnly(200);
        JsonNode versions = c.admin().get("/api/protocols").json().get("versions");
        assertThat(versions.size()).isEqualTo(11);
        assertThat(versions.findValues("active").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
    }

    @Test
    default void aPatientPutOnTheWaitingListTwiceAtTheSameMomentHasOnePlace() throws Exception {
        OwnClinic c = ownClinic();
        long patient = c.clinician().post("/api/patients", patient("Queue" + unique(), Map.of())).id();
        List<Integer> statuses = concurrently(12, i -> c.admin().post("/api/waiting-list",
                Map.of("patientId", patient, "type", "CONSULTATION", "note", "call " + i)).status());
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM waiting_list WHERE patient_id = :p AND status = 'WAITING'")
                .param("p", patient).query(Long.class).single()).isEqualTo(1);
        assertThat(c.admin().post("/api/waiting-list", Map.of("patientId", patient, "type", "TREATMENT")).status())
                .as("another kind of appointment is another place").isEqualTo(201);
    }

    @Test
    default void workingHoursSavedAtTheSameMomentLeaveOneWeek() throws Exception {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        List<Integer> statuses = concurrently(10, i -> clinician.put("/api/practitioners/" + practitioner + "/hours",
                List.of(Map.of("weekday", 1 + i % 5, "start", "08:00", "end", "12:00"),
                        Map.of("weekday", 6, "start", "09:00", "end", "13:00"))).status());
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM practitioner_hours WHERE practitioner_id = :p")
                .param("p", practitioner).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    default void aTamperedCsrfTokenIsForbiddenWhateverByteChanges() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port();
        String login = page(browser, base + "/login");
        int signedIn = form(browser, base + "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD,
                "_csrf", csrf(login)));
        assertThat(signedIn).isEqualTo(302);
        String token = csrf(page(browser, base + "/patients/new"));
        long before = patientCount();
        Random random = new Random(20261202);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] tampered = token.getBytes(StandardCharsets.ISO_8859_1);
            tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
            String value = new String(tampered, StandardCharsets.ISO_8859_1);
            String encoded = i % 2 == 0 ? URLEncoder.encode(value, StandardCharsets.ISO_8859_1) : value;
            statuses.add(send(browser, base + "/patients", "_csrf=" + encoded + "&givenName=Forged&familyName=Form"
                    + "&dateOfBirth=1980-01-01&sex=FEMALE"));
        }
        assertThat(statuses).containsOnly(403);
        assertThat(patientCount()).isEqualTo(before);
    }

    @Test
    default void aPageAddressThatCannotBeReadShowsWhatWasWrong() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port();
        assertThat(form(browser, base + "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD,
                "_csrf", csrf(page(browser, base + "/login"))))).isEqualTo(302);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/patients?query=a%00b"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("This request could not be read", "Query: must not contain control characters");
    }

    @Test
    default void aFollowOnListenerThatFailsOnceDoesItsWorkOnRetryAndTheSessionIsSigned() {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Retried" + unique());
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "R" + unique(), today().plusYears(1));
        jdbc().sql("ALTER TABLE aftercare_plan RENAME TO aftercare_plan_away").update();
        long session;
        try {
            session = signedSession(clinician, p, lot); // asserts 200: signing does not fail with its listener
            assertThat(clinician.get("/api/sessions/" + session).json().get("status").asString()).isEqualTo("SIGNED");
            assertThat(jdbc().sql("SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED' AND listener_id = "
                    + "'aftercare.plan-from-signed-session'").query(Long.class).single()).isPositive();
            assertThat(clinician.get("/api/patients/" + p.patientId() + "/follow-ups").json().size())
                    .as("the other listener did its work").isPositive();
        } finally {
            jdbc().sql("ALTER TABLE aftercare_plan_away RENAME TO aftercare_plan").update();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                clinician.get("/api/patients/" + p.patientId() + "/aftercare-plans").json().size()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc().sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single())
                .isZero());
        String followUps = clinician.get("/api/patients/" + p.patientId() + "/follow-ups").text();

        // Delivered again (as after a crash mid-delivery): nothing is made twice.
        jdbc().sql("UPDATE event_publication SET status = 'FAILED', completion_date = NULL WHERE serialized_event LIKE :s")
                .param("s", "%\"sessionId\":" + session + ",%").update();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc().sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single())
                .isZero());
        assertThat(clinician.get("/api/patients/" + p.patientId() + "/aftercare-plans").json().size()).isEqualTo(1);
        assertThat(clinician.get("/api/patients/" + p.patientId() + "/follow-ups").text()).isEqualTo(followUps);
    }

    @Test
    default void aDocumentStoredBeforeTheInputLimitsStillReads() {
        OwnClinic c = ownClinic();
        assertThat(c.admin().get("/api/protocols/active").status()).isEqualTo(200);
        // As an older release stored it: a second version, whose text holds a control character.
        jdbc().sql("UPDATE protocol_version SET active = FALSE WHERE clinic_id = :c").param("c", c.clinicId()).update();
        int changed = jdbc().sql("INSERT INTO protocol_version (clinic_id, version, protocol_id, name, active, document, "
                + "note, created_at, created_by) SELECT clinic_id, 2, protocol_id, name, TRUE, REPLACE(document, "
                + "'\"source\":\"', '\"source\":\"\\f'), note, created_at, created_by FROM protocol_version "
                + "WHERE clinic_id = :c AND version = 1").param("c", c.clinicId()).update();
        assertThat(changed).isEqualTo(1);
        Response active = c.admin().get("/api/protocols/active");
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.text()).contains("\\f");
    }

    private long patientCount() {
        return jdbc().sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
    }

    private static List<Integer> concurrently(int n, java.util.function.IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String page(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int form(HttpClient browser, String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(browser, url, body.toString());
    }

    private static int send(HttpClient browser, String url, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
