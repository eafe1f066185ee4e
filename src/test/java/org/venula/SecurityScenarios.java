package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.venula.accesslog.internal.AccessLogChain;
import org.venula.clinic.Clinics;
import org.venula.support.Api;
import org.venula.support.Api.Response;
import org.venula.support.Authenticator;
import org.venula.support.PageBrowser;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13 through HTTP: the access log names every patient a search or a list showed and is hash-chained; sign-in
 * is throttled and locked alike for known and unknown users, on the form and the API; administrators deactivate,
 * unlock and reset accounts with immediate effect; another clinic's ids are 404. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class SecurityScenarios {

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clinics clinics;

    @Autowired
    AccessLogChain chain;

    @Autowired
    org.venula.assessment.internal.PhotoMetadataBackfill backfill;

    @org.springframework.beans.factory.annotation.Value("${venula.data-dir}")
    String dataDir;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
    }

    // ---- the access log ---------------------------------------------------------------------------------------

    @Test
    void aSearchThroughTheApiAndThePageLogsEveryPatientShown() {
        String family = "Shown" + unique();
        long first = admin.post("/api/patients", ApiFixture.patient(family, Map.of())).id();
        long second = admin.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Bea"))).id();
        Api clinician = newUser("CLINICIAN");
        assertThat(clinician.get("/api/patients?query=" + family).status()).isEqualTo(200);
        assertThat(shownTo(clinician.get("/api/me").json().get("id").asLong(), "API"))
                .containsExactlyInAnyOrder(first, second);
        assertThat(jdbc.sql("""
                SELECT detail FROM access_log WHERE patient_id IS NULL AND action = 'SEARCH_PATIENTS'
                  AND detail LIKE :q""").param("q", "query '" + family + "'%").query(String.class).list())
                .singleElement().asString().contains("2 shown");

        String receptionist = "desk" + unique();
        createUser(receptionist, "RECEPTION");
        PageBrowser browser = new PageBrowser(port);
        assertThat(browser.signIn(receptionist, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/patients?query=" + family).statusCode()).isEqualTo(200);
        assertThat(shownTo(userId(receptionist), "PAGE")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aDiaryLogsThePatientsItShowsAndAnotherClinicsIdsAnswer404() {
        ClinicWrites writes = new ClinicWrites();
        writes.prepare(admin);
        List<String> slots = writes.freeSlots(admin);
        assertThat(slots).isNotEmpty();
        writes.bookConsultation(admin, new ArrayList<>(slots.subList(0, 1)));
        ClinicWrites.Booking booking = writes.bookings.peek();
        assertThat(booking).isNotNull();
        long practitioner = writes.practitionerId;
        String day = slots.get(0).substring(0, 10);
        Api reception = newUser("RECEPTION");
        Response diary = reception.get("/api/practitioners/" + practitioner + "/appointments?from=" + day + "&to="
                + day);
        assertThat(diary.status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM access_log WHERE patient_id = :p AND action = 'LIST_PATIENTS'
                  AND user_id = :u""").param("p", booking.patientId())
                .param("u", reception.get("/api/me").json().get("id").asLong()).query(Long.class).single())
                .isEqualTo(1);
        String otherAdmin = "elsewhere" + unique();
        clinics.createClinic("Elsewhere", ZoneId.of("Europe/London"), false, otherAdmin, PASSWORD, "test");
        Api other = Api.as(port, otherAdmin, PASSWORD);
        assertThat(other.get("/api/practitioners/" + practitioner + "/appointments?from=" + day + "&to=" + day)
                .status()).isEqualTo(404);
        long patient = admin.post("/api/patients", ApiFixture.patient("Boundary" + unique(), Map.of())).id();
        assertThat(other.get("/api/patients/" + patient + "/session-blockers").status()).isEqualTo(404);
        assertThat(other.get("/api/lots/NO-SUCH-LOT/patients").status()).isEqualTo(404);
        assertThat(other.get("/api/access-log?userId=" + userId("admin")).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorReadsTheLogPerUserAndPeriodAndAPatientsCopy() {
        Api clinician = newUser("CLINICIAN");
        long clinicianId = clinician.get("/api/me").json().get("id").asLong();
        long patient = admin.post("/api/patients", ApiFixture.patient("Subject" + unique(), Map.of())).id();
        clinician.get("/api/patients/" + patient);
        clinician.get("/api/patients/" + patient + "/history");
        String today = ApiFixture.today().toString();
        JsonNode page = admin.get("/api/access-log?userId=" + clinicianId + "&from=" + today + "&to=" + today
                + "&size=1").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("userId").asLong()).isEqualTo(clinicianId);
        assertThat(admin.get("/api/access-log?from=" + today + "&to=2020-01-01").errorFields()).containsExactly("to");
        assertThat(clinician.get("/api/access-log").status()).isEqualTo(403);

        Api.Bytes copy = admin.bytes("/api/patients/" + patient + "/access-log.csv");
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.contentType()).startsWith("text/csv");
        String csv = new String(copy.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("when_utc,who,what,detail,via").contains("view patient", "view history");
    }

    @Test
    void theChainVerifiesIntactAndFindsAnEntryChangedInTheDatabase() {
        long patient = admin.post("/api/patients", ApiFixture.patient("Chained" + unique(), Map.of())).id();
        admin.get("/api/patients/" + patient);
        chain.sealPending();
        JsonNode ok = admin.get("/api/access-log/verification").json();
        assertThat(ok.get("intact").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("entriesChecked").asLong()).isPositive();
        assertThat(ok.get("head").get("hash").asString()).hasSize(64);

        long entry = jdbc.sql("SELECT MAX(id) FROM access_log WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
        tamper(entry);
        JsonNode broken = admin.get("/api/access-log/verification").json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBreak").get("entryId").asLong()).isEqualTo(entry);
        assertThat(broken.get("firstBreak").get("problem").asString()).contains("changed");
        untamper(entry);
    }

    /** Changes an entry as the database owner could; undone so that other tests see an intact chain. */
    abstract void tamper(long entryId);

    abstract void untamper(long entryId);

    // ---- photos ----------------------------------------------------------------------------------------------

    @Test
    void aPhotoWithGpsComesBackWithoutItsLocationOrDeviceAndUpright() throws Exception {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", ApiFixture.patient("Located" + unique(), Map.of())).id();
        clinician.put("/api/patients/" + id + "/history", ApiFixture.history());
        clinician.post("/api/patients/" + id + "/screenings", Map.of());
        long cid = clinician.post("/api/patients/" + id + "/consultations", ApiFixture.consultation(Map.of())).id();
        byte[] taken = org.venula.support.PhonePhotos.jpeg(64, 32, 6);
        Response photo = clinician.multipart("/api/consultations/" + cid + "/photos", "leg.jpg", "image/jpeg", taken,
                Map.of());
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        assertThat(photo.json().get("width").asInt()).isEqualTo(32);
        assertThat(photo.json().get("height").asInt()).isEqualTo(64);

        byte[] served = clinician.bytes("/api/photos/" + photo.id()).body();
        var metadata = (org.apache.commons.imaging.formats.jpeg.JpegImageMetadata)
                org.apache.commons.imaging.Imaging.getMetadata(served);
        assertThat(metadata.getExif().getGpsInfo()).isNull();
        assertThat(metadata.findExifValue(org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants
                .TIFF_TAG_MAKE)).isNull();
        assertThat(metadata.findExifValue(org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants
                .TIFF_TAG_ORIENTATION).getIntValue()).isEqualTo(6);
        java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                clinician.bytes("/api/photos/" + photo.id() + "?thumbnail=true").body()));
        assertThat(thumbnail.getHeight()).isGreaterThan(thumbnail.getWidth());

        // a photo stored before metadata was removed on upload is cleaned by the backfill
        String file = jdbc.sql("SELECT file_name FROM photo WHERE id = :id").param("id", photo.id())
                .query(String.class).single();
        java.nio.file.Path stored = java.nio.file.Path.of(dataDir, "photos", file);
        java.nio.file.Files.write(stored, taken);
        jdbc.sql("UPDATE photo SET metadata_removed = FALSE WHERE id = :id").param("id", photo.id()).update();
        assertThat(backfill.cleanPending()).isPositive();
        var cleaned = (org.apache.commons.imaging.formats.jpeg.JpegImageMetadata)
                org.apache.commons.imaging.Imaging.getMetadata(clinician.bytes("/api/photos/" + photo.id()).body());
        assertThat(cleaned.getExif().getGpsInfo()).isNull();
        assertThat(jdbc.sql("SELECT metadata_removed FROM photo WHERE id = :id").param("id", photo.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aNameThatReversesTheDirectionOfTextIsRefused() {
        Response r = admin.post("/api/patients", ApiFixture.patient("Evil\u202Enosnhoj", Map.of()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorFields()).containsExactly("familyName");
    }

    // ---- sign-in protection ------------------------------------------------------------------------------------

    @Test
    void tenWrongPasswordsLockTheAccountForTheApiAndTheFormAlikeAndAnUnknownUserLooksTheSame() {
        String known = "guessed" + unique();
        createUser(known, "CLINICIAN");
        String unknown = "nobody" + unique();
        Api wrong = Api.as(port, known, "not-the-password");
        Api stranger = Api.as(port, unknown, "not-the-password");
        for (int i = 0; i < 10; i++) {
            Response a = wrong.get("/api/me");
            Response b = stranger.get("/api/me");
            assertThat(a.status()).isEqualTo(401);
            assertThat(b.status()).isEqualTo(401);
            assertThat(a.text()).isEqualTo(b.text());
        }
        Response locked = Api.as(port, known, PASSWORD).get("/api/me");
        Response strangerRight = Api.as(port, unknown, PASSWORD).get("/api/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text()).isEqualTo(strangerRight.text());

        HttpResponse<String> form = new PageBrowser(port).signIn(known, PASSWORD);
        HttpResponse<String> strangerForm = new PageBrowser(port).signIn(unknown, PASSWORD);
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(strangerForm.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        List<String> events = jdbc.sql("SELECT event FROM sign_in_event WHERE username = :u ORDER BY id")
                .param("u", known).query(String.class).list();
        assertThat(events).contains("FAILED", "LOCKED", "REFUSED");
        JsonNode users = admin.get("/api/users").json();
        long id = userId(known);
        assertThat(find(users, id).get("lockedUntil").isNull()).isFalse();
        assertThat(admin.post("/api/users/" + id + "/unlock", null).status()).isEqualTo(200);
        assertThat(Api.as(port, known, PASSWORD).get("/api/me").status()).isEqualTo(200);
        assertThat(new PageBrowser(port).signIn(known, PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnceOnTheApiAndTheirPageSessionEnds() {
        String leaver = "leaver" + unique();
        createUser(leaver, "RECEPTION");
        Api api = Api.as(port, leaver, PASSWORD);
        assertThat(api.get("/api/me").status()).isEqualTo(200); // remembered for a few minutes
        PageBrowser browser = new PageBrowser(port);
        browser.signIn(leaver, PASSWORD);
        assertThat(browser.get("/patients").statusCode()).isEqualTo(200);

        long id = userId(leaver);
        Response deactivated = admin.post("/api/users/" + id + "/deactivate", null);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/me").status()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/patients");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(admin.post("/api/users/" + userId("admin") + "/deactivate", null).errorFields())
                .containsExactly("userId");
        assertThat(admin.post("/api/users/" + id + "/reactivate", null).status()).isEqualTo(200);
        assertThat(api.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetByAnAdministratorMustBeChangedBeforeAnythingElse() {
        String user = "forgetful" + unique();
        createUser(user, "CLINICIAN");
        long id = userId(user);
        Api before = Api.as(port, user, PASSWORD);
        assertThat(before.get("/api/me").status()).isEqualTo(200);
        String temporary = admin.post("/api/users/" + id + "/password-reset", null).json()
                .get("temporaryPassword").asString();
        assertThat(temporary).hasSize(16);
        assertThat(before.get("/api/me").status()).isEqualTo(401);

        Api withTemporary = Api.as(port, user, temporary);
        Response refused = withTemporary.get("/api/patients");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("password-change-required");
        assertThat(withTemporary.put("/api/me/password", Map.of("currentPassword", "wrong-one-entirely",
                "newPassword", "my-own-new-password")).errorFields()).containsExactly("currentPassword");
        assertThat(withTemporary.put("/api/me/password", Map.of("currentPassword", temporary,
                "newPassword", "short")).errorFields()).containsExactly("newPassword");
        assertThat(withTemporary.put("/api/me/password", Map.of("currentPassword", temporary,
                "newPassword", "my-own-new-password")).status()).isEqualTo(204);
        assertThat(withTemporary.get("/api/patients").status()).isEqualTo(401);
        assertThat(Api.as(port, user, "my-own-new-password").get("/api/patients").status()).isEqualTo(200);
    }

    @Test
    void onThePagesATemporaryPasswordLeadsToThePasswordForm() {
        String user = "newcomer" + unique();
        createUser(user, "RECEPTION");
        String temporary = admin.post("/api/users/" + userId(user) + "/password-reset", null).json()
                .get("temporaryPassword").asString();
        PageBrowser browser = new PageBrowser(port);
        browser.signIn(user, temporary);
        HttpResponse<String> patients = browser.get("/patients");
        assertThat(patients.statusCode()).isEqualTo(302);
        assertThat(patients.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        HttpResponse<String> changed = browser.post("/account/password", Map.of("currentPassword", temporary,
                "newPassword", "chosen-by-myself", "confirmPassword", "chosen-by-myself"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/patients").statusCode()).isEqualTo(200);
        assertThat(browser.get("/patients").headers().firstValue("Referrer-Policy").orElseThrow())
                .isEqualTo("no-referrer");
    }

    // ---- headers -----------------------------------------------------------------------------------------------

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(plain.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';").doesNotContain("'unsafe-inline'; frame");
        var proxied = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Secure"));
    }

    // ---- second factor -----------------------------------------------------------------------------------------

    @Test
    void aSecondFactorIsSetUpAndThenAskedForOnThePagesAndTheApi() {
        String user = "twofactor" + unique();
        createUser(user, "CLINICIAN");
        PageBrowser setup = new PageBrowser(port);
        setup.signIn(user, PASSWORD);
        Authenticator app = Authenticator.fromPage(setup.get("/account/second-factor").body());
        assertThat(setup.post("/account/second-factor", Map.of("code", "000000")).body()).contains("not right");
        HttpResponse<String> codes = setup.post("/account/second-factor", Map.of("code", app.code(0)));
        List<String> recovery = recoveryCodes(codes.body());
        assertThat(recovery).hasSize(10);

        PageBrowser browser = new PageBrowser(port);
        assertThat(browser.signIn(user, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/login/code");
        assertThat(browser.get("/patients").headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
        assertThat(browser.post("/login/code", Map.of("code", "123456")).body()).contains("not right");
        HttpResponse<String> in = browser.post("/login/code", Map.of("code", app.code(1)));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(browser.get("/patients").statusCode()).isEqualTo(200);

        PageBrowser withRecovery = new PageBrowser(port);
        withRecovery.signIn(user, PASSWORD);
        assertThat(withRecovery.post("/login/code", Map.of("code", recovery.get(0))).statusCode()).isEqualTo(302);
        assertThat(withRecovery.get("/patients").statusCode()).isEqualTo(200);
        PageBrowser again = new PageBrowser(port);
        again.signIn(user, PASSWORD);
        assertThat(again.post("/login/code", Map.of("code", recovery.get(0))).body()).contains("not right");

        Api api = Api.as(port, user, PASSWORD);
        Response without = api.get("/api/me");
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.json().get("type").asString()).endsWith("second-factor-required");
        assertThat(api.send("GET", "/api/me", null, Map.of("Venula-OTP", app.code(0))).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_event WHERE username = :u AND event = 'SECOND_FACTOR_ON'")
                .param("u", user).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClinicThatRequiresASecondFactorSendsEachClinicianToSetOneUp() {
        String lead = "requiring" + unique();
        var clinic = clinics.createClinic("Careful Clinic", ZoneId.of("Europe/London"), false, lead, PASSWORD, "test");
        jdbc.sql("UPDATE clinic SET require_second_factor = TRUE WHERE id = :id").param("id", clinic.id()).update();
        Response refused = Api.as(port, lead, PASSWORD).get("/api/me");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("second-factor-setup-required");
        PageBrowser browser = new PageBrowser(port);
        browser.signIn(lead, PASSWORD);
        HttpResponse<String> sent = browser.get("/patients");
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/account/second-factor");
        Authenticator app = Authenticator.fromPage(browser.get("/account/second-factor").body());
        assertThat(recoveryCodes(browser.post("/account/second-factor", Map.of("code", app.code(0))).body()))
                .hasSize(10);
        assertThat(browser.get("/patients").statusCode()).isEqualTo(200);
    }

    private static List<String> recoveryCodes(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")
                .matcher(html);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private List<Long> shownTo(long userId, String channel) {
        return jdbc.sql("""
                SELECT patient_id FROM access_log WHERE user_id = :u AND channel = :c AND action = 'SEARCH_PATIENTS'
                  AND patient_id IS NOT NULL""").param("u", userId).param("c", channel).query(Long.class).list();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private static JsonNode find(JsonNode users, long id) {
        for (JsonNode u : users) {
            if (u.get("id").asLong() == id) {
                return u;
            }
        }
        throw new AssertionError("no user " + id);
    }

    private void createUser(String username, String role) {
        Response r = admin.post("/api/users", Map.of("username", username, "password", PASSWORD,
                "displayName", "Test " + username, "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Api newUser(String role) {
        String username = role.toLowerCase() + unique();
        createUser(username, role);
        return Api.as(port, username, PASSWORD);
    }

    static int unique() {
        return UNIQUE.incrementAndGet() * 1000 + (int) (System.nanoTime() % 1000 + 1000) % 1000;
    }
}
