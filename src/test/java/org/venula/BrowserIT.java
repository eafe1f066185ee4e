package org.venula;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.venula.clinic.Clinics;
import org.venula.support.Api;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Page flows in headless Chromium, as a clinic's staff meet them, with an accessibility check (axe, WCAG 2 A/AA)
 * on every page. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Clinics clinics;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        String chromium = System.getenv("VENULA_CHROMIUM");
        if (chromium != null && !chromium.isBlank()) {
            options.setExecutablePath(Paths.get(chromium));
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openTablet() {
        // A tablet held in landscape, the common device in a clinic room.
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 768).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aClinicAdminRegistersAPatientRecordsTheHistoryFindsThemAndSeesTheAccessLog() {
        String family = "Browning" + ApiFixture.unique();

        page.navigate(url("/patients"));
        assertThat(page).hasURL(url("/login"));
        checkAccessibility("01-login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        signIn("admin", ApiFixture.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Patients"))).isVisible();
        checkAccessibility("02-patients");

        // Register, first with mistakes.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a patient")).click();
        checkAccessibility("03-new-patient");
        page.getByLabel("Given name").fill("Olivia");
        page.getByLabel("NHS number (optional)").fill("943 476 5918");
        page.getByLabel("Weight (kg)").fill("-2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check");
        assertThat(page.locator("#familyName-error")).isVisible();
        assertThat(page.locator("#dateOfBirth-error")).isVisible();
        assertThat(page.locator("#nhsNumber-error")).containsText("check digit");
        assertThat(page.locator("#weightKg-error")).containsText("at least 1 kg");
        assertThat(page.getByLabel("Given name")).hasValue("Olivia");
        screenshot("04-new-patient-errors");

        page.getByLabel("Family name").fill(family);
        page.getByLabel("Date of birth").fill("1982-05-17");
        page.getByLabel("Sex").selectOption("FEMALE");
        page.getByLabel("NHS number (optional)").fill("999 047 5148");
        page.getByLabel("Weight (kg)").fill("63.5");
        page.getByLabel("Occupation").fill("Nurse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is registered");
        assertThat(page.locator(".patient-banner")).containsText("999 047 5148");
        checkAccessibility("05-chart-new");
        String chartUrl = page.url();

        // Record the medical history: a future date is refused, then every question is answered.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record history")).click();
        checkAccessibility("06-history-form");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        page.getByLabel("Antibiotics last taken on").fill(today.plusDays(3).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save history")).click();
        assertThat(page.locator(".has-error")).containsText("must not be in the future");
        for (String question : List.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins",
                "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges",
                "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease",
                "poorlyControlledDiabetes")) {
            page.locator("input[name=" + question + "][value=false]").check();
        }
        page.locator("input[name=ableToWalk][value=true]").check();
        page.locator("input[name=medications][value=TAMOXIFEN]").check();
        page.getByLabel("Antibiotics last taken on").fill(today.minusDays(5).toString());
        page.getByLabel("What changed (optional)").fill("First consultation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save history")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("version 1");
        assertThat(page.locator(".answers")).containsText("Tamoxifen");
        checkAccessibility("07-chart-with-history");

        // A second version, then the first is still readable with what changed.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update history")).click();
        page.locator("input[name=pregnant][value=true]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save history")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("version 2");
        // The chart leads with the pathway; the whole history is a tap away, its earlier versions another.
        assertThat(page.locator(".pathway-strip")).containsText("Screening");
        page.locator("summary", new Page.LocatorOptions().setHasText("Every answer")).click();
        assertThat(page.locator(".answers")).containsText("Pregnant");
        page.locator("summary", new Page.LocatorOptions().setHasText("Earlier versions")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Version 2")).click();
        assertThat(page.locator("table")).containsText("Pregnant");
        checkAccessibility("08-history-version");

        // Find the patient by the search box (htmx updates the results as you type).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patients").setExact(true)).first().click();
        page.getByLabel("Find a patient").fill(family.substring(0, 10).toLowerCase());
        page.getByLabel("Find a patient").press("Enter");
        assertThat(page.locator("#results")).containsText(family + ", Olivia");
        screenshot("09-search");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(family + ", Olivia")).click();
        assertThat(page).hasURL(chartUrl);

        // The admin sees who read and changed the record.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access log")).click();
        assertThat(page.locator("table.log")).containsText("create patient");
        assertThat(page.locator("table.log")).containsText("update history");
        assertThat(page.locator("table.log")).containsText("view patient");
        checkAccessibility("10-access-log");
    }

    @Test
    void anAdminAddsAReceptionistWhoSeesDemographicsButNotTheHistory() {
        signIn("admin", ApiFixture.ADMIN_PASSWORD);
        page.navigate(url("/patients/new"));
        String family = "Desk" + ApiFixture.unique();
        page.getByLabel("Given name").fill("Rosa");
        page.getByLabel("Family name").fill(family);
        page.getByLabel("Date of birth").fill("1990-01-02");
        page.getByLabel("Sex").selectOption("FEMALE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();
        String chartUrl = page.url();

        clinicMenu("Users");
        checkAccessibility("11-users");
        String username = "desk" + ApiFixture.unique();
        page.getByLabel("Full name").fill("Robin Desk");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Initial password").fill("short");
        page.getByLabel("Role").selectOption("RECEPTION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator("#password-error")).containsText("12");
        page.getByLabel("Initial password").fill("a-long-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("added");
        signOut();

        signIn(username, "a-long-password-1");
        page.navigate(chartUrl);
        assertThat(page.locator(".patient-banner")).containsText(family);
        assertThat(page.locator("main")).containsText("Only clinicians and administrators see the medical history");
        screenshot("12-chart-reception");
        var response = page.navigate(chartUrl + "/history/edit");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING)).containsText("Not allowed");
    }

    @Test
    void aClinicianScreensAPatientSeesADeferralWithItsDateAndSignsOffACaution() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String clinician = "screener" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                "Dr Screener", "role", "CLINICIAN"));
        String family = "Screening" + ApiFixture.unique();
        long id = admin.post("/api/patients", ApiFixture.patient(family, Map.of())).id();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Map<String, Object> history = ApiFixture.history();
        history.put("lastAntibioticsOn", today.minusDays(5).toString());
        admin.put("/api/patients/" + id + "/history", history);

        signIn(clinician, "a-long-password-1");
        page.navigate(url("/patients/" + id));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screen").setExact(true)).click();
        checkAccessibility("13-screening-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen").setExact(true)).click();
        String until = today.plusDays(9).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(page.locator("#result .outcome-badge")).hasText("DEFER");
        assertThat(page.locator("#result")).containsText("Not before " + until);
        assertThat(page.locator("#result .patient-words")).containsText("Treatment can go ahead from " + until);
        checkAccessibility("14-screening-deferred");

        // The antibiotics course is long past now, but she has started tamoxifen: a caution to sign off.
        page.getByLabel("Antibiotics last taken on").fill("");
        page.locator("input[name=medications][value=TAMOXIFEN]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen").setExact(true)).click();
        assertThat(page.locator("#result .outcome-badge")).hasText("CAUTION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Write a note");
        page.getByLabel("Why treatment may go ahead").fill("Discussed vein inflammation risk with the patient.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
        assertThat(page.locator("#result")).containsText("Signed off by " + clinician);
        assertThat(page.locator("#past-h")).isVisible();
        checkAccessibility("15-screening-signed-off");

        page.navigate(url("/patients/" + id));
        assertThat(page.locator("#screening-panel-h")).isVisible();
        assertThat(page.locator(".pathway")).containsText("CAUTION");
        assertThat(Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD).get("/api/patients/" + id + "/history").json()
                .get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anAdminEditsTheProtocolAndSeesWhatChanged() {
        String lead = "lead" + ApiFixture.unique();
        clinics.createClinic("Browser Protocol Clinic", ZoneId.of("Europe/London"), false, lead, "lead-password-123",
                "test");
        signIn(lead, "lead-password-123");
        clinicMenu("Protocol");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("version 1");
        checkAccessibility("16-protocol");

        page.getByLabel("RECENT_ANTIBIOTICS window in days").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("screening.rules.RECENT_ANTIBIOTICS.windowDays");

        page.navigate(url("/admin/protocol"));
        page.getByLabel("RECENT_ANTIBIOTICS window in days").fill("7");
        page.getByLabel("What changed and why").fill("Governance meeting: shorter antibiotic window");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 2");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Version 2")).click();
        assertThat(page.locator("table").first()).containsText("RECENT_ANTIBIOTICS window (days)");
        checkAccessibility("17-protocol-version");

        page.navigate(url("/admin/protocol"));
        page.getByLabel("Consultation fee").fill("90.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 3");
        page.locator("summary", new Page.LocatorOptions().setHasText("Edit the whole document")).click();
        page.getByLabel("Protocol document").fill("{ not json");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save document as a new version")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not a valid protocol document");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("version 3");
    }

    @Test
    void aClinicianRecordsAConsultationMapsAreasUploadsAPhotoPlansQuotesAndTakesConsent() throws Exception {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String clinician = "mapper" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                "Dr Mapper", "role", "CLINICIAN"));
        String family = "Legmap" + ApiFixture.unique();
        long id = admin.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Nia"))).id();
        admin.put("/api/patients/" + id + "/history", ApiFixture.history());

        signIn(clinician, "a-long-password-1");
        page.navigate(url("/patients/" + id));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New consultation")).click();
        page.locator("input[name=standingExamination][value=true]").check();
        page.locator("input[name=visibleVaricoseVeins][value=false]").check();
        page.locator("input[name=dopplerDone]").check();
        page.getByLabel("Reflux result").selectOption("NO_REFLUX");
        page.locator("#ceap-right-clinical").selectOption("C1");
        page.locator("#ceap-left-clinical").selectOption("C1");
        page.locator("input[name='ceap.right.symptomatic'][value=true]").check();
        page.locator("input[name='ceap.left.symptomatic'][value=false]").check();
        page.getByLabel("Aching").check();

        // Three regions tapped on the map fill three rows; then vein type and size by the hand rule.
        page.locator("rect[data-label='Left calf, front']").click();
        page.locator("rect[data-label='Right thigh, front']").click();
        page.locator("rect[data-label='Left knee, back']").click();
        assertThat(page.locator(".legmap .region.marked")).hasCount(3);
        String[][] rows = {{"TELANGIECTASIA", "SMALL"}, {"RETICULAR", "MEDIUM"}, {"TELANGIECTASIA", "SMALL"}};
        for (int i = 0; i < 3; i++) {
            page.getByLabel("Area " + (i + 1) + " vein type").selectOption(rows[i][0]);
            page.getByLabel("Area " + (i + 1) + " size").selectOption(rows[i][1]);
        }
        page.getByLabel("Area 2 aspect").selectOption("LATERAL");
        screenshotAt("18-leg-map-1280", 1280, 800);
        screenshotAt("19-leg-map-768", 768, 1024);
        checkAccessibility("20-consultation-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consultation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Proceed");
        assertThat(page.locator(".outcome-badge")).hasText("PROCEED");
        assertThat(page.locator(".legmap .region.marked")).hasCount(3);

        // A photo of one area, uploaded through the page.
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("leg", ".jpg");
        java.nio.file.Files.write(photo, ApiFixture.jpeg(800, 600));
        page.getByLabel("Photo (JPEG or PNG", new Page.GetByLabelOptions().setExact(false)).setInputFiles(photo);
        page.getByLabel("Area", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByLabel("Capture notes").fill("30 cm, ring light");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Photo added");
        assertThat(page.locator(".photo-grid img")).hasCount(1);
        page.getByLabel("Photo (JPEG or PNG", new Page.GetByLabelOptions().setExact(false)).setInputFiles(photo);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
        checkAccessibility("21-consultation");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare side by side")).click();
        assertThat(page.locator(".side-by-side img")).hasCount(2);
        screenshotAt("22-photos-side-by-side-1280", 1280, 800);
        screenshotAt("23-photos-side-by-side-768", 768, 1024);
        checkAccessibility("24-compare");
        page.goBack();

        // Plan, quote and its PDF.
        page.getByLabel("Sessions").selectOption("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan and quote")).click();
        assertThat(page.locator(".quote tr.total")).containsText("£1000.00");
        checkAccessibility("25-plan");
        com.microsoft.playwright.Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download quote (PDF)")).click());
        byte[] pdf = java.nio.file.Files.readAllBytes(download.path());
        assertThat(ApiFixture.pdfText(pdf)).contains("Nia " + family, "Total for the course", "£1000.00");
        java.nio.file.Files.write(SHOTS.resolve("quote.pdf"), pdf);

        // Consent: the confirmation is required, then the typed name.
        page.getByLabel("Patient types their full name").fill("Nia " + family);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consent")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Confirm that the patient has read");
        page.getByLabel("The patient has read this information", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByLabel("Patient types their full name").fill("Nia " + family);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consent")).click();
        assertThat(page.locator("#consent")).containsText("Consent in force: Nia " + family);
        checkAccessibility("26-plan-consented");

        page.navigate(url("/patients/" + id));
        assertThat(page.locator(".pathway")).containsText("Consent in force");
    }

    @Test
    void receptionBooksAConsultationFromTheCalendarAndSeesItOnTheChart() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String clinician = "diary" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                "Dr Diary " + clinician, "role", "CLINICIAN"));
        String desk = "desk" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", desk, "password", "a-long-password-1", "displayName", "Front Desk",
                "role", "RECEPTION"));
        String family = "Calendar" + ApiFixture.unique();
        long id = admin.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Ivy"))).id();
        LocalDate monday = ApiFixture.nextMonday();

        signIn(desk, "a-long-password-1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calendar").setExact(true)).click();
        page.getByLabel("Practitioner").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Dr Diary " + clinician));
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill(monday.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator(".slots .slot")).hasCount(31); // 09:00 to 16:30 every 15 minutes
        checkAccessibility("27-calendar");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("10:30")).click();
        page.getByLabel("Find a patient").fill(family);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(family + ", Ivy")).first().click();
        checkAccessibility("28-book");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Consultation booked for " + monday + " at 10:30");
        assertThat(page.locator("#appointments-panel-h")).isVisible();
        assertThat(page.locator(".pathway")).containsText("consultation");
        screenshot("29-chart-with-appointment");

        // The same appointment in the practitioner's week and on the whole clinic's day.
        page.navigate(url("/calendar/week?date=" + monday + "&practitionerId="
                + Api.as(port, clinician, "a-long-password-1").get("/api/me").json().get("practitionerId").asLong()));
        assertThat(page.locator(".column").first()).containsText("Ivy " + family);
        checkAccessibility("29b-calendar-week");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Whole clinic")).click();
        assertThat(page.locator(".column", new Page.LocatorOptions().setHasText("Dr Diary " + clinician)))
                .containsText("Ivy " + family);
        checkAccessibility("29c-calendar-clinic");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clinic week")).click();
        assertThat(page.locator(".column").first()).containsText("Ivy " + family);
        checkAccessibility("29d-calendar-clinic-week");
        assertThat(Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD).get("/api/patients/" + id + "/appointments")
                .json().get(0).get("start").asString()).isEqualTo(monday + "T10:30");
    }

    @Test
    void aClinicianChartsASessionOnTheLegMapIsStoppedAtTheDoseLimitSignsAndAddsAnAddendum() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String clinician = "charter" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                "Dr Charter", "role", "CLINICIAN"));
        Api dr = Api.as(port, clinician, "a-long-password-1");
        String family = "Session" + ApiFixture.unique();
        long id = dr.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Rhian", "weightKg", 40)))
                .id();
        dr.put("/api/patients/" + id + "/history", ApiFixture.history());
        dr.post("/api/patients/" + id + "/screenings", Map.of());
        long cid = dr.post("/api/patients/" + id + "/consultations", ApiFixture.consultation(Map.of())).id();
        long planId = dr.post("/api/consultations/" + cid + "/plan", Map.of("sessions", 2)).id();
        dr.post("/api/plans/" + planId + "/consent", Map.of("patientName", "Rhian " + family));
        dr.post("/api/patients/" + id + "/screenings", Map.of());
        String lot05 = "B05-" + ApiFixture.unique();
        String lot3 = "B30-" + ApiFixture.unique();
        for (String[] l : new String[][] {{"0.5", lot05}, {"3", lot3}}) {
            dr.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol", "strengthPercent", l[0],
                    "lotNumber", l[1], "expiryDate", LocalDate.now().plusYears(1).toString(), "quantity", 5));
        }

        signIn(clinician, "a-long-password-1");
        page.navigate(url("/patients/" + id));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a session")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Consent is in force");
        page.getByLabel("Legs not shaved in the last 24 hours").check();
        page.getByLabel("Reason for a session without an appointment").fill("Booked by phone; diary entry missing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start session")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("NO_MOISTURISER");
        checkAccessibility("30-session-start");
        page.getByLabel("No moisturiser or lotion on the legs today").check();
        page.getByLabel("Compression hosiery brought", new Page.GetByLabelOptions().setExact(false)).check();
        assertThat(page.getByLabel("Weight today (kg)")).hasValue("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start session")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Session started");

        // First injection in full: tap the left calf, choose the lot and the volume.
        com.microsoft.playwright.Locator calf = page.locator(".session-map rect[aria-label='Left calf, front']");
        tap(calf, 20, 30);
        assertThat(page.locator("#map-status")).containsText("Left calf");
        page.getByLabel("Sclerosant lot").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Polidocanol 0.5% · Aethoxysklerol · lot " + lot05 + " · exp "
                        + LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK))));
        assertThat(page.getByLabel("Strength (%)")).hasValue("0.5");
        page.getByLabel("Volume (mL)").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chart injection")).click();
        assertThat(page.locator(".session-map .dot")).hasCount(1);

        // Then one tap per injection repeats the last one at the new point.
        tap(calf, 30, 60);
        assertThat(page.locator(".session-map .dot")).hasCount(2);
        tap(calf, 25, 90);
        assertThat(page.locator(".session-map .dot")).hasCount(3);
        assertThat(page.locator("#dose-status")).hasText("OK");

        // 3% into the reticular vein of the right thigh: 75 of 80 mg at 40 kg, a warning.
        page.getByLabel("Tapping the map repeats the last injection there").uncheck();
        tap(page.locator(".session-map rect[aria-label='Right thigh, front']"), 26, 60);
        page.getByLabel("Sclerosant lot").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Polidocanol 3% · Aethoxysklerol · lot " + lot3 + " · exp "
                        + LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK))));
        page.getByLabel("Volume (mL)").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chart injection")).click();
        assertThat(page.locator("#dose-status")).hasText("WARN");
        assertThat(page.locator(".dose-messages")).containsText("75.0 mg today");
        checkAccessibility("31-session-warn");
        screenshotAt("32-session-768", 768, 1024);

        // Repeating it would pass the daily limit: stopped, nothing charted.
        page.getByLabel("Tapping the map repeats the last injection there").check();
        tap(page.locator(".session-map rect[aria-label='Right thigh, front']"), 15, 100);
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Stopped at a dose limit");
        assertThat(page.locator(".session-map .dot")).hasCount(4);
        assertThat(page.getByLabel("Volume (mL)")).hasValue("2");
        assertThat(page.locator(".foam-only")).isHidden();
        screenshot("33-session-blocked");

        page.getByLabel("Compression type").selectOption("STOCKING");
        page.getByLabel("Compression length").selectOption("THIGH");
        page.getByLabel("Pressure and the standard it is quoted in").selectOption("UK:14-17");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record compression")).click();
        assertThat(page.locator("#comp-h + p")).containsText("14–17 mmHg (UK standard)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record reactions")).click();

        // A clinician charts past the limit with a reason: the injection carries the override.
        page.locator("summary", new Page.LocatorOptions().setHasText("Override a dose limit")).click();
        page.getByLabel("Area", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright
                .options.SelectOption().setIndex(1));
        page.getByLabel("Sclerosant lot").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Polidocanol 0.5% · Aethoxysklerol · lot " + lot05 + " · exp "
                        + LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK))));
        page.getByLabel("Volume (mL)").fill("1.2");
        page.getByLabel("Reason for charting past the limit").fill("Extensive matting; agreed with patient, 2 mg/kg");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chart injection")).click();
        assertThat(page.locator("#dose-status")).hasText("BLOCK");

        // Signing shows what is locked, and needs the confirmation.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review and sign")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check before you sign")))
                .isVisible();
        assertThat(page.locator("#sum-over-h")).containsText("1");
        assertThat(page.locator("main")).containsText("Extensive matting; agreed with patient");
        assertThat(page.locator("main")).containsText("14–17 mmHg");
        assertThat(page.locator("main")).containsText("Polidocanol today");
        checkAccessibility("33b-sign-summary");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and lock")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sessions/\\d+/sign"));
        assertThat(dr.get("/api/patients/" + id + "/sessions").json().get(0).get("status").asString())
                .isNotEqualTo("SIGNED");
        page.getByLabel("I have checked this summary and it is what was done").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and lock")).click();
        assertThat(page.locator(".signed-alert")).containsText("Signed by " + clinician);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chart injection"))).hasCount(0);
        page.getByLabel("Why this is added").fill("Late entry");
        page.getByLabel("Addendum").fill("Mild erythema at the right thigh sites at discharge; settled.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add addendum")).click();
        assertThat(page.locator(".addenda")).containsText("Mild erythema");
        checkAccessibility("34-session-signed");
        assertThat(dr.get("/api/patients/" + id + "/sessions").json().get(0).get("injections").size()).isEqualTo(5);

        page.navigate(url("/recalls?within=90"));
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Rhian " + family)).first()).containsText("Review");
        checkAccessibility("34b-recalls");

        page.navigate(url("/lots?lotNumber=" + lot05));
        assertThat(page.locator("table").first()).containsText("Rhian " + family);
        checkAccessibility("35-lots");
    }

    @Test
    void aPatientOpensTheirPlanOnAPhoneChecksInWithCalfSwellingAndAClinicianAcknowledgesIt() {
        Treated t = treated("carer", "Dr Carer", "Phone", "Ffion");
        Api dr = t.dr();
        String clinician = t.clinician();
        String family = t.family();
        long id = t.patientId();
        long aftercarePlan = dr.get("/api/patients/" + id + "/aftercare-plans").json().get(0).get("id").asLong();
        String link = dr.post("/api/aftercare/plans/" + aftercarePlan + "/link", null).json().get("url").asString();
        String path = link.substring(link.indexOf("/my/"));

        // The patient, on a phone, without signing in.
        BrowserContext phone = newPhone();
        Page mine = phone.newPage();
        Page staff = page;
        page = mine;
        page.navigate(url(path));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your aftercare plan")))
                .isVisible();
        assertThat(page.locator(".timeline")).containsText("Stockings off");
        checkAccessibility("40-patient-plan-phone");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("40b-patient-plan-phone-top.png")));
        page.getByLabel("Sudden swelling or pain in the calf", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByLabel("Bruising", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact the clinic now")))
                .isVisible();
        assertThat(page.locator(".triage-advice")).containsText("Call the clinic now");
        checkAccessibility("41-patient-check-in-urgent");

        // An emergency shows the number first and large.
        page.navigate(url(path));
        page.getByLabel("Chest pain").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
        assertThat(page.locator(".emergency-number")).hasText("999");
        checkAccessibility("42-patient-check-in-emergency");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("42b-emergency-phone-top.png")));

        // A wrong link shows nothing of the plan.
        page.navigate(url(path.substring(0, path.length() - 4) + "abcd"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link is not valid")))
                .isVisible();
        assertThat(page.locator("body")).not().containsText(family);
        checkAccessibility("43-link-not-valid");
        phone.close();

        // The clinician sees both check-ins at once, most urgent first, and acknowledges them.
        page = staff;
        signIn(clinician, "a-long-password-1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard")).click();
        com.microsoft.playwright.Locator row = page.locator("#check-ins tr",
                new Page.LocatorOptions().setHasText("Ffion " + family));
        assertThat(row).hasCount(2);
        // The check-ins also propose complications for a clinician to confirm.
        assertThat(page.locator("#waiting-h + p, #waiting-h ~ div").first()).containsText("DVT");
        assertThat(row.first()).containsText("Emergency");
        assertThat(row.nth(1)).containsText("Calf swelling or pain");
        assertThat(row.first().locator(".waited")).containsText("min");
        checkAccessibility("44-dashboard");
        row.nth(1).getByLabel("What was done (optional)").fill("Phoned; duplex booked today");
        row.nth(1).getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Acknowledged");
        assertThat(page.locator("#check-ins tr", new Page.LocatorOptions().setHasText("Ffion " + family))).hasCount(1);
        page.navigate(url("/aftercare/plans/" + aftercarePlan));
        checkAccessibility("45-aftercare-plan");
        page.navigate(url("/clinics/1/information"));
        checkAccessibility("46-patient-information");
    }

    @Test
    void someoneOnAPhoneChecksWhetherTreatmentMightSuitThemWithoutSigningIn() {
        long clinicId = clinics.firstClinic().orElseThrow().id();
        BrowserContext phone = newPhone();
        Page staff = page;
        page = phone.newPage();
        try {
            page.navigate(url("/clinics/" + clinicId + "/information"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Am I suitable?")
                    .setExact(false)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Am I suitable for thread vein treatment?"))).isVisible();
            checkAccessibility("60-self-check-phone");

            // Nothing answered: each yes/no question says so beside it.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the result")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check");
            assertThat(page.locator("#pregnant-error")).containsText("Choose yes, no or not sure");

            for (String question : List.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins",
                    "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges",
                    "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease",
                    "poorlyControlledDiabetes")) {
                page.locator("input[name=" + question + "][value=false]").check();
            }
            page.locator("input[name=ableToWalk][value=true]").check();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            page.getByLabel("If you have taken antibiotics in the last month, when was the last dose?")
                    .fill(today.minusDays(3).toString());
            page.locator("input[name=thrombophilia][value=unsure]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the result")).click();
            assertThat(page.locator("#result h2")).hasText("Treatment would need to wait");
            assertThat(page.locator("#result")).containsText(today.plusDays(11)
                    .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)));
            assertThat(page.locator("#result")).containsText("antibiotics");
            assertThat(page.locator("#result")).containsText("not sure");
            assertThat(page.locator("#result")).containsText("A clinician goes through your health with you");
            assertThat(page.locator("#result")).not().containsText("RECENT_ANTIBIOTICS");
            // what was answered stays on the form, to change and ask again
            assertThat(page.locator("input[name=thrombophilia][value=unsure]")).isChecked();
            checkAccessibility("61-self-check-result-phone");
        } finally {
            phone.close();
            page = staff;
        }
    }

    @Test
    void aPatientSignsInToThePortalOnAPhoneWithTheCodeFromTheOutboxAndSignsOut() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String email = "megan" + ApiFixture.unique() + "@example.com";
        long clinicId = clinics.firstClinic().orElseThrow().id();
        admin.post("/api/patients", ApiFixture.patient("Portal" + ApiFixture.unique(), Map.of("givenName", "Megan",
                "email", email)));
        BrowserContext phone = newPhone();
        Page staff = page;
        page = phone.newPage();
        try {
            page.navigate(url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            checkAccessibility("62-portal-sign-in-phone");
            page.getByLabel("E-mail address").fill("not an address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
            assertThat(page.locator("#email-error")).containsText("must be an e-mail address");
            page.getByLabel("E-mail address").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enter your code")))
                    .isVisible();
            assertThat(page.locator("main")).containsText(email);
            checkAccessibility("63-portal-code-phone");
            page.getByLabel("Six-digit code").fill("000000".equals(portalCode(admin, email)) ? "111111" : "000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("#code-error")).containsText("not right");
            page.getByLabel("Six-digit code").fill(portalCode(admin, email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hello, Megan")))
                    .isVisible();
            assertThat(page.locator(".contact-card")).isVisible();
            checkAccessibility("64-portal-home-phone");

            // The health questionnaire: saved half-way, then sent.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your health questionnaire")).click();
            checkAccessibility("65-portal-questionnaire-phone");
            page.locator("input[name=pregnant][value=false]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and finish later")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
            assertThat(page.locator("input[name=pregnant][value=false]")).isChecked();
            for (String question : List.of("breastfeeding", "currentInfection", "visibleVaricoseVeins",
                    "acuteDvtOrPe", "previousDvtOrPe", "activeCancer", "venousSkinChanges",
                    "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease",
                    "poorlyControlledDiabetes")) {
                page.locator("input[name=" + question + "][value=false]").check();
            }
            page.locator("input[name=ableToWalk][value=true]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
            assertThat(page.locator("#thrombophilia-error")).containsText("Choose yes, no or not sure");
            page.locator("input[name=thrombophilia][value=unsure]").check();
            page.locator("input[name=medications][value=TAMOXIFEN]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your answers are with the clinic");
            assertThat(page.locator("main")).containsText("Sent to the clinic");
            checkAccessibility("66-portal-questionnaire-sent-phone");

            // the patient's session opens nothing of the staff's
            page.navigate(url("/patients"));
            assertThat(page).hasURL(url("/login"));
            page.navigate(url("/portal"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out");
            page.navigate(url("/portal"));
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/portal/sign-in.*"));
        } finally {
            phone.close();
            page = staff;
        }

        // A clinician checks the answers on the chart and accepts them as the medical history.
        long patientId = jdbc.sql("SELECT id FROM patient WHERE email = :e").param("e", email).query(Long.class)
                .single();
        signIn("admin", ApiFixture.ADMIN_PASSWORD);
        page.navigate(url("/patients/" + patientId));
        assertThat(page.locator(".questionnaire-waiting")).containsText("sent their answers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check the patient's answers")).click();
        assertThat(page.locator(".warn-alert")).containsText("Thrombophilia");
        assertThat(page.locator("input[name=medications][value=TAMOXIFEN]")).isChecked();
        checkAccessibility("67-questionnaire-review");
        page.locator("input[name=thrombophilia][value=false]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept as the medical history")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("accepted as version 1");
        assertThat(page.locator(".questionnaire-waiting")).hasCount(0);
        assertThat(clinicId).isPositive();
    }

    @Test
    void aPatientBooksAConsultationOnAPhoneIsToldWhyATreatmentMustWaitThenBooksOneAndCancels() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String email = "booker" + ApiFixture.unique() + "@example.com";
        admin.post("/api/users", Map.of("username", "dr.booker" + ApiFixture.unique(), "password", "a-long-password-1",
                "displayName", "Dr Booker", "role", "CLINICIAN", "profession", "Doctor", "registrationNumber",
                "GMC 2"));
        long patientId = admin.post("/api/patients", ApiFixture.patient("Booker" + ApiFixture.unique(),
                Map.of("givenName", "Nia", "email", email))).id();
        LocalDate monday = ApiFixture.nextMonday();
        BrowserContext phone = newPhone();
        Page staff = page;
        page = phone.newPage();
        try {
            page.navigate(url("/portal/sign-in"));
            page.getByLabel("E-mail address").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a code")).click();
            page.getByLabel("Six-digit code").fill(portalCode(admin, email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your appointments")).click();
            checkAccessibility("68-portal-appointments-phone");

            page.getByLabel("A consultation (your first visit)").check();
            page.getByLabel("From").fill(monday.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times")).click();
            checkAccessibility("69-portal-free-times-phone");
            page.locator(".slot-buttons button").first().click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked: your consultation");

            // a treatment the next day: not yet, and why, in plain words
            page.getByLabel("A treatment session").check();
            page.getByLabel("From").fill(monday.plusDays(1).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times")).click();
            page.locator(".slot-buttons button").first().click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("once a clinician has gone through your health");
            checkAccessibility("70-portal-treatment-refused-phone");

            // the clinic clears her; now the treatment books, and she cancels it in good time
            admin.put("/api/patients/" + patientId + "/history", ApiFixture.history());
            admin.post("/api/patients/" + patientId + "/screenings", Map.of());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times")).click();
            page.locator(".slot-buttons button").first().click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked: your treatment");
            assertThat(page.locator(".appointment-row")).hasCount(2);
            page.locator(".appointment-row").first().getByRole(AriaRole.BUTTON).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Cancelled");
            checkAccessibility("71-portal-cancelled-phone");
        } finally {
            phone.close();
            page = staff;
        }
    }

    @Test
    void someoneNewRegistersOnAPhoneAndSignsInWithTheCodeTheRegistrationSends() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String email = "newcomer" + ApiFixture.unique() + "@example.com";
        String family = "Newcomer" + ApiFixture.unique();
        BrowserContext phone = newPhone();
        Page staff = page;
        page = phone.newPage();
        try {
            page.navigate(url("/portal/sign-in"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register as a new patient")).click();
            checkAccessibility("72-portal-register-phone");
            page.getByLabel("First name").fill("Nia");
            page.getByLabel("Date of birth").fill("2999-01-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check");
            assertThat(page.locator("#familyName-error")).isVisible();
            assertThat(page.locator("#dateOfBirth-error")).containsText("future");
            assertThat(page.getByLabel("First name")).hasValue("Nia");
            page.getByLabel("Last name").fill(family);
            page.getByLabel("Date of birth").fill("1991-06-15");
            page.getByLabel("Sex").selectOption("FEMALE");
            page.getByLabel("E-mail address").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            assertThat(page.locator("main")).containsText("Thank you for registering");
            page.getByLabel("Six-digit code").fill(portalCode(admin, email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hello, Nia")))
                    .isVisible();
        } finally {
            phone.close();
            page = staff;
        }
        long made = jdbc.sql("SELECT COUNT(*) FROM patient WHERE family_name = :f").param("f", family)
                .query(Long.class).single();
        assertThat(made).isEqualTo(1);
    }

    /**
     * The portal's whole journey on one phone, as issue 17 asks it to be shown: a new patient checks whether treatment
     * might suit them, registers, signs in with the code from the outbox, fills in the health questionnaire and books a
     * consultation; a clinician accepts the answers on the chart; a treatment is refused in plain words until the
     * clinician has cleared her, then books; she moves it, consents at home, and, after her first session, finds her
     * aftercare plan and sends a result photo of the treated area.
     */
    @Test
    void aNewPatientGoesFromTheSelfCheckToAResultPhotoOnAPhone() throws Exception {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        long clinicId = clinics.firstClinic().orElseThrow().id();
        String email = "journey" + ApiFixture.unique() + "@example.com";
        String family = "Journey" + ApiFixture.unique();
        LocalDate monday = ApiFixture.nextMonday();
        String dr = "dr.journey" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", dr, "password", "a-long-password-1", "displayName",
                "Dr Journey", "role", "CLINICIAN", "profession", "Doctor", "registrationNumber", "GMC 3"));
        Api clinician = Api.as(port, dr, "a-long-password-1");
        Page staff = page;
        BrowserContext phone = newPhone();
        Page mine = phone.newPage();
        try {
            // 1. "Am I suitable?", anonymously, then registering from the answer
            page = mine;
            page.navigate(url("/clinics/" + clinicId + "/suitability"));
            answerNoToEveryHealthQuestion();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the result")).click();
            assertThat(page.locator("#result h2")).hasText("Nothing you told us rules out treatment");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register to book a consultation"))
                    .click();
            page.getByLabel("First name").fill("Rhian");
            page.getByLabel("Last name").fill(family);
            page.getByLabel("Date of birth").fill("1988-04-02");
            page.getByLabel("Sex").selectOption("FEMALE");
            page.getByLabel("E-mail address").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            page.getByLabel("Six-digit code").fill(portalCode(admin, email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hello, Rhian")))
                    .isVisible();
            long patientId = jdbc.sql("SELECT id FROM patient WHERE family_name = :f").param("f", family)
                    .query(Long.class).single();

            // 2. the health questionnaire, and a consultation booked
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your health questionnaire")).click();
            answerNoToEveryHealthQuestion();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your answers are with the clinic");
            bookFirstFree("A consultation (your first visit)", monday);
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked: your consultation");

            // 3. a treatment the day after is refused, in plain words
            bookFirstFree("A treatment session", monday.plusDays(1));
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("once a clinician has gone through your health");
            assertThat(page.getByRole(AriaRole.ALERT)).not().containsText("CLEARANCE");

            // 4. the clinician accepts the answers on the chart, and clears her
            page = staff;
            signIn(dr, "a-long-password-1");
            page.navigate(url("/patients/" + patientId));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check the patient's answers")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept as the medical history"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("accepted as version 1");
            Api.Response screened = clinician.post("/api/patients/" + patientId + "/screenings", Map.of());
            org.assertj.core.api.Assertions.assertThat(screened.json().get("outcome").asString()).isEqualTo("ELIGIBLE");

            // 5. now the treatment books; she moves it to the last free time that day
            page = mine;
            bookFirstFree("A treatment session", monday.plusDays(1));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked: your treatment");
            page.locator(".appointment-row").first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Move").setExact(false)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a new time")))
                    .isVisible();
            page.getByLabel("From").fill(monday.plusDays(1).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times")).click();
            checkAccessibility("73-portal-move-phone");
            page.locator(".slot-buttons button").last().click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Moved: your treatment");

            // 6. the consultation's plan, consented to at home
            long consultation = clinician.post("/api/patients/" + patientId + "/consultations",
                    ApiFixture.consultation(Map.of())).id();
            long area = clinician.get("/api/consultations/" + consultation).json().get("areas").get(0).get("id")
                    .asLong();
            long planId = clinician.post("/api/consultations/" + consultation + "/plan", Map.of("sessions", 2)).id();
            clinician.post("/api/patients/" + patientId + "/screenings", Map.of());
            page.navigate(url("/portal"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your treatment plan and consent"))
                    .click();
            page.getByLabel("I have read all of this and understood it.").check();
            page.getByLabel("Type your full name to agree").fill("Rhian " + family);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your consent is recorded");

            // 7. in the room, the clinician confirms the consent, treats and signs the session
            page = staff;
            page.navigate(url("/plans/" + planId));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the consent in the room"))
                    .click();
            assertThat(page.locator(".consent-at-home")).hasCount(0);
            long lot = clinician.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol",
                    "strengthPercent", "0.5", "lotNumber", "J-" + ApiFixture.unique(), "expiryDate",
                    LocalDate.now().plusYears(1).toString(), "quantity", 5)).id();
            long session = clinician.post("/api/patients/" + patientId + "/sessions", Map.of("adHocReason",
                    "First session", "weightKg", 60, "confirmed", List.of("LEGS_NOT_SHAVED", "NO_MOISTURISER",
                            "HOSIERY_BROUGHT"))).id();
            clinician.post("/api/sessions/" + session + "/injections", Map.of("areaId", area, "lotId", lot,
                    "volumeMl", 0.5));
            clinician.put("/api/sessions/" + session + "/compression", Map.of("type", "STOCKING", "length", "THIGH",
                    "lowMmHg", 14, "highMmHg", 17, "standard", "UK"));
            clinician.put("/api/sessions/" + session + "/reactions", Map.of("reactions", List.of("NONE")));
            org.assertj.core.api.Assertions.assertThat(clinician.post("/api/sessions/" + session + "/sign", null)
                    .status()).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc
                    .sql("SELECT COUNT(*) FROM aftercare_plan WHERE patient_id = :p").param("p", patientId)
                    .query(Long.class).single() > 0);

            // 8. her aftercare plan in the portal; weeks later (the window moved to today), a result photo
            page = mine;
            page.navigate(url("/portal"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your aftercare plan")).click();
            assertThat(page.locator(".timeline")).containsText("Stockings off");
            checkAccessibility("74-portal-aftercare-phone");
            page.getByLabel("Bruising", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This is expected")))
                    .isVisible();
            checkAccessibility("75-portal-checked-in-phone");
            openPhotoWindowToday(patientId);
            page.navigate(url("/portal/plan"));
            String label = page.locator("form.upload label").first().textContent();
            page.locator("form.upload input[type=file]").first().setInputFiles(new com.microsoft.playwright.options
                    .FilePayload("leg.jpg", "image/jpeg", org.venula.support.PhonePhotos.jpeg(40, 30, 1)));
            checkAccessibility("76-portal-result-photo-phone");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the p" + label.substring(1)))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("your photo is with the clinic");

            // 9. had that session ended her course, the review asks how it went, and the recall invites a booking
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            jdbc.sql("UPDATE follow_up_task SET kind = 'MAINTENANCE_RECALL', due_from = :f, due_until = NULL"
                    + " WHERE patient_id = :p AND kind = 'NEXT_SESSION'").param("f", today.plusDays(7))
                    .param("p", patientId).update();
            jdbc.sql("UPDATE follow_up_task SET due_from = :f WHERE patient_id = :p AND kind = 'REVIEW'")
                    .param("f", today).param("p", patientId).update();
            page.navigate(url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Time for your check-up")))
                    .isVisible();
            checkAccessibility("77-portal-home-after-course-phone");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Answer two questions")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
            assertThat(page.locator("#satisfaction-error")).containsText("Choose how pleased you are");
            checkAccessibility("78-portal-feedback-phone");
            page.getByLabel("4 – pleased").check();
            page.locator("input[name=wouldRepeat][value=true]").check();
            page.getByLabel("Anything you want to tell the clinic (optional)").fill("The bruising faded quickly.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("the clinic has your answers");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("How did your treatment go?"))).hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a consultation")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Book an appointment")))
                    .isVisible();
            assertThat(page.locator(".slot-buttons button").first()).isVisible();
        } finally {
            phone.close();
            page = staff;
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM photo p JOIN consultation c"
                + " ON c.id = p.consultation_id JOIN patient x ON x.id = c.patient_id WHERE x.family_name = :f"
                + " AND p.created_by = 'patient (portal)'").param("f", family).query(Long.class).single())
                .isEqualTo(1);
    }

    /** Answers every yes/no health question "no" (and "able to walk" yes), on the self-check or the questionnaire. */
    private void answerNoToEveryHealthQuestion() {
        for (String question : List.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins",
                "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges",
                "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease", "poorlyControlledDiabetes")) {
            page.locator("input[name=" + question + "][value=false]").check();
        }
        page.locator("input[name=ableToWalk][value=true]").check();
    }

    /** On the portal's appointments page, the first free time of this kind from {@code from}, tapped. */
    private void bookFirstFree(String kind, LocalDate from) {
        page.navigate(url("/portal/appointments"));
        page.getByLabel(kind).check();
        page.getByLabel("From").fill(from.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times")).click();
        page.locator(".slot-buttons button").first().click();
    }

    /** Time passes: the stored aftercare plan's result-photo window is moved to today. */
    private void openPhotoWindowToday(long patientId) throws Exception {
        String plan = jdbc.sql("SELECT plan FROM aftercare_plan WHERE patient_id = :p").param("p", patientId)
                .query(String.class).single();
        tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(plan);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        ((tools.jackson.databind.node.ObjectNode) doc.get("resultPhotos")).put("from", today).put("until", today);
        jdbc.sql("UPDATE aftercare_plan SET plan = :d WHERE patient_id = :p").param("d", doc.toString())
                .param("p", patientId).update();
    }

    /** A phone held upright (390 × 844), as patients use the portal. */
    private static BrowserContext newPhone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-GB")
                .setIsMobile(true).setHasTouch(true));
    }

    private static String portalCode(Api admin, String email) {
        return org.venula.support.Outbox.signInCode(admin, email);
    }

    @Test
    void aClinicianRecordsAReviewAndAComplicationAndTheAuditShowsIt() throws java.io.IOException {
        Treated t = treated("reviewer", null, "Audit", "Gwen");
        String clinician = t.clinician();
        long id = t.patientId();
        long session = t.sessionId();

        signIn(clinician, "a-long-password-1");
        page.navigate(url("/patients/" + id));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a review or complication")).click();
        page.getByLabel("Clearance of Left calf, lateral").selectOption("75");
        page.getByLabel("Clearance of Right thigh, lateral").selectOption("50");
        page.locator("input[name=satisfaction][value='4']").check();
        page.locator("input[name=wouldRepeat][value=true]").check();
        page.getByLabel("CEAP right leg").selectOption("C1");
        page.getByLabel("Another session").check();
        // The same day as the session: outside the protocol's window, so the form says so and asks why.
        assertThat(page.locator(".warn-alert")).containsText("0 days after the session");
        checkAccessibility("50-review-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record review")).click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Reason");
        page.getByLabel("Clearance of Left calf, lateral").selectOption("75");
        page.getByLabel("Clearance of Right thigh, lateral").selectOption("50");
        page.locator("input[name=satisfaction][value='4']").check();
        page.getByLabel("Another session").check();
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(false)).fill("Early look at matting the patient reported");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record review")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Review recorded: Another session");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a review or complication")).click();
        page.getByLabel("Complication", new Page.GetByLabelOptions().setExact(true)).selectOption("MATTING");
        page.getByLabel("After the session of").selectOption(String.valueOf(session));
        page.getByLabel("Management").fill("Observe; laser if it persists beyond 12 months");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record complication")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Complication recorded: Matting");
        assertThat(page.locator("#outcomes-panel-h + ul")).containsText("Matting");
        assertThat(page.locator("#aftercare-panel-h")).isVisible();
        checkAccessibility("50b-chart-after-treatment");

        signIn("admin", ApiFixture.ADMIN_PASSWORD);
        clinicMenu("Audit");
        assertThat(page.locator("#rates tr[data-type=MATTING]")).containsText("Matting");
        assertThat(page.locator(".funnel-figure[data-type=MATTING] svg circle title",
                new Page.LocatorOptions().setHasText("Dr Reviewer " + clinician))).hasCount(1);
        checkAccessibility("51-audit");
        com.microsoft.playwright.Response backwards = page.navigate(url("/admin/audit?from=2026-12-01&to=2026-01-01"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("To: must not be before from");
        checkAccessibility("51b-audit-bad-period");
        assertThat(page.navigate(url("/admin/audit?from=yesterday")).status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("From: 'yesterday' is not a valid value");
        assertThat(page.navigate(url("/recalls?within=-4")).status()).isEqualTo(422);
        page.navigate(url("/admin/audit"));
        com.microsoft.playwright.Download csv = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")).click());
        assertThat(new String(java.nio.file.Files.readAllBytes(csv.path()))).contains("practitioner,Dr Reviewer "
                + clinician + ",MATTING,1,");
        page.navigate(url("/dashboard"));
        checkAccessibility("52-dashboard-with-complications");
    }

    // ---- a clinic's day at the front desk, the clinic's details, and pages that fit a tablet ---------------------

    @Test
    void receptionMovesCancelsAndMarksANoShowFromTheCalendarAndTheFreedTimeIsOfferedToTheWaitingList() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        String clinician = "diary" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                "Dr Diary " + clinician, "role", "CLINICIAN"));
        String desk = "frontdesk" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", desk, "password", "a-long-password-1", "displayName",
                "Front Desk", "role", "RECEPTION"));
        Api dr = Api.as(port, clinician, "a-long-password-1");
        long practitioner = dr.get("/api/me").json().get("practitionerId").asLong();
        String family = "Diary" + ApiFixture.unique();
        long mover = dr.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Maud"))).id();
        long waiter = dr.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Wendy"))).id();
        long missed = dr.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", "Nell"))).id();
        LocalDate monday = ApiFixture.nextMonday();
        dr.post("/api/appointments", ApiFixture.booking(mover, practitioner, "CONSULTATION", monday.atTime(9, 0)));
        long gone = dr.post("/api/appointments", ApiFixture.booking(missed, practitioner, "CONSULTATION",
                monday.atTime(11, 0))).id();
        // Nell's appointment began an hour ago (a booking in the past is refused, so the fixture moves it there).
        java.time.OffsetDateTime began = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1);
        jdbc.sql("UPDATE appointment SET start_at = :s, end_at = :e WHERE id = :id").param("s", began)
                .param("e", began.plusMinutes(30)).param("id", gone).update();
        assertThat(dr.post("/api/waiting-list", Map.of("patientId", waiter, "type", "CONSULTATION", "note",
                "Any morning")).status()).isEqualTo(201);

        signIn(desk, "a-long-password-1");
        page.navigate(url("/calendar?practitionerId=" + practitioner + "&date=" + monday));
        page.locator("a.appointment-link", new Page.LocatorOptions().setHasText("Maud " + family)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Maud " + family);
        checkAccessibility("60-appointment");
        // The patient phones to move it half an hour later.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to "
                + monday.format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK)) + " 09:30")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Moved to");
        assertThat(page.locator("main .lead")).containsText("09:30");
        // Then calls again to cancel: the freed time is offered to the first patient waiting.
        page.getByLabel("Patient unwell").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the appointment")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("cancelled");
        assertThat(page.locator("#offer-h")).isVisible();
        checkAccessibility("61-appointment-cancelled-offer");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book this time for Wendy " + family)).click();
        assertThat(page.locator("main")).containsText("Offered from the waiting list");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("booked");
        List<String> mine = dr.get("/api/patients/" + mover + "/appointments").json().valueStream()
                .map(a -> a.get("start").asString().substring(11) + " " + a.get("status").asString()).toList();
        assertThat(mine).containsExactly("09:00 CANCELLED", "09:30 CANCELLED");
        assertThat(dr.get("/api/patients/" + waiter + "/appointments").json().get(0).get("start").asString())
                .isEqualTo(monday + "T09:30");
        assertThat(dr.get("/api/waiting-list").json().findValuesAsString("patientName")).doesNotContain("Wendy " + family);

        // Nell did not come: marked from her chart's appointments.
        page.navigate(url("/patients/" + missed));
        page.locator("#appointments-panel-h ~ ul a.appointment-link").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark did not attend")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("not attending");
        page.navigate(url("/patients/" + missed));
        assertThat(page.locator("#appointments-panel-h ~ .warn-alert")).containsText("Did not attend once");
        assertThat(dr.get("/api/appointments/" + gone).json().get("status").asString()).isEqualTo("NO_SHOW");

        // The practitioner's hours and absences have their own page.
        page.navigate(url("/practitioners/" + practitioner + "/hours"));
        checkAccessibility("62-hours");
    }

    @Test
    void anAdministratorSetsTheClinicPhoneAndAPatientsTriagePageOffersItAsACall() {
        String lead = "phonelead" + ApiFixture.unique();
        clinics.createClinic("Phone Clinic", ZoneId.of("Europe/London"), false, lead, "lead-password-123", "test");
        signIn(lead, "lead-password-123");
        clinicMenu("Clinic settings");
        page.getByLabel("Clinic name").fill("Quayside Vein Clinic");
        page.getByLabel("Address").fill("2 Quay Street\nManchester M3 3HN");
        page.getByLabel("Phone").fill("0161 49");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.locator("#phone-error")).containsText("7 to 15 digits");
        page.getByLabel("Phone").fill("0161 496 0000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 1");
        assertThat(page.locator(".clinic-name")).hasText("Quayside Vein Clinic");
        checkAccessibility("63-clinic-settings");

        Treated t = treated(Api.as(port, lead, "lead-password-123"), "quay", "Dr Quay", "Quay", "Iona");
        long plan = t.dr().get("/api/patients/" + t.patientId() + "/aftercare-plans").json().get(0).get("id").asLong();
        String link = t.dr().post("/api/aftercare/plans/" + plan + "/link", null).json().get("url").asString();
        BrowserContext phone = newPhone();
        Page staff = page;
        page = phone.newPage();
        page.navigate(link);
        assertThat(page.locator("a.contact-phone")).hasAttribute("href", "tel:01614960000");
        page.getByLabel("Sudden swelling or pain in the calf", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the clinic")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact the clinic now")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call 0161 496 0000")))
                .hasAttribute("href", "tel:01614960000");
        checkAccessibility("64-triage-with-clinic-phone");
        phone.close();
        page = staff;
    }

    @Test
    void everyRolesDayPagesFitATabletInLandscapeWithOneRowOfNavigationAndFullSizeTargets() {
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        Treated t = treated("tablet", "Dr Tablet", "Tablet", "Tess");
        String desk = "tabletdesk" + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", desk, "password", "a-long-password-1", "displayName",
                "Tablet Desk", "role", "RECEPTION"));
        // An open session to chart on, for the clinic-room forms.
        long open = t.dr().post("/api/patients/" + t.patientId() + "/sessions", Map.of("adHocReason",
                "Second session, same day for the check", "weightKg", 60, "confirmed",
                List.of("LEGS_NOT_SHAVED", "NO_MOISTURISER", "HOSIERY_BROUGHT"))).id();
        String chart = "/patients/" + t.patientId();
        Map<String, String[]> pages = new java.util.LinkedHashMap<>();
        pages.put("admin", new String[] {chart, "/calendar", "/dashboard", "/sessions/" + t.sessionId(), "/admin/users"});
        pages.put(t.clinician(), new String[] {chart, "/calendar", "/dashboard", "/sessions/" + open});
        pages.put(desk, new String[] {chart, "/calendar", "/calendar/week"});
        for (Map.Entry<String, String[]> role : pages.entrySet()) {
            signIn(role.getKey(), role.getKey().equals("admin") ? ApiFixture.ADMIN_PASSWORD : "a-long-password-1");
            for (String path : role.getValue()) {
                page.navigate(url(path));
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                double height = page.locator("header.topbar").boundingBox().height;
                assertThat(height).as("navigation height on " + path + " as " + role.getKey()).isLessThanOrEqualTo(64);
                String name = "70-tablet-" + (role.getKey().equals("admin") ? "admin" : role.getKey().equals(desk)
                        ? "reception" : "clinician") + path.replaceAll("[^a-z0-9]+", "-");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
            }
        }
        // The forms used in the clinic room: nothing to tap smaller than 44 x 44 px.
        signIn(t.clinician(), "a-long-password-1");
        for (String path : List.of(chart + "/history/edit", "/sessions/" + open, chart + "/reviews/new",
                "/sessions/" + open + "/sign")) {
            page.navigate(url(path));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(smallTargets()).as("targets under 44 x 44 px on " + path).isEmpty();
        }
    }

    /**
     * Visible things to tap on the page that are smaller than 44 x 44 CSS px: buttons, links that stand alone,
     * inputs, selects, summaries, and radios and checkboxes by their label (the label is what a finger hits).
     * Links inside running text and the skip link are not counted.
     */
    @SuppressWarnings("unchecked")
    private List<String> smallTargets() {
        return (List<String>) page.evaluate("""
                () => {
                  const out = [];
                  const seen = new Set();
                  const visible = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
                  const targets = document.querySelectorAll('main button, main a[href], main input, main select, '
                    + 'main textarea, main summary, main [role=button], header a[href], header button, header summary');
                  for (const e of targets) {
                    let t = e;
                    if (e.matches('input[type=radio], input[type=checkbox]')) { t = e.closest('label') || e; }
                    if (e.matches('input[type=hidden], .skip') || !visible(t) || seen.has(t)) continue;
                    if (e.matches('a') && e.closest('p, li, td, .hint, .small, .crumbs') && !e.matches('.button, .appointment-link')) continue;
                    if (e.closest('svg') && !e.matches('[role=button]')) continue;
                    seen.add(t);
                    const r = t.getBoundingClientRect();
                    if (r.width < 43.5 || r.height < 43.5) {
                      out.push((t.tagName + (t.id ? '#' + t.id : '') + ' "' + (t.innerText || t.getAttribute('aria-label')
                        || t.name || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height)));
                    }
                  }
                  return out;
                }""");
    }

    /** A clinician, and a patient of theirs screened, consulted, planned, consented and treated in one signed session. */
    record Treated(String clinician, Api dr, String family, long patientId, long sessionId) {
    }

    private Treated treated(String userPrefix, String displayName, String familyPrefix, String givenName) {
        return treated(Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD), userPrefix, displayName, familyPrefix,
                givenName);
    }

    private Treated treated(Api admin, String userPrefix, String displayName, String familyPrefix, String givenName) {
        String clinician = userPrefix + ApiFixture.unique();
        admin.post("/api/users", Map.of("username", clinician, "password", "a-long-password-1", "displayName",
                displayName == null ? "Dr Reviewer " + clinician : displayName, "role", "CLINICIAN"));
        Api dr = Api.as(port, clinician, "a-long-password-1");
        String family = familyPrefix + ApiFixture.unique();
        long id = dr.post("/api/patients", ApiFixture.patient(family, Map.of("givenName", givenName))).id();
        dr.put("/api/patients/" + id + "/history", ApiFixture.history());
        dr.post("/api/patients/" + id + "/screenings", Map.of());
        long cid = dr.post("/api/patients/" + id + "/consultations", ApiFixture.consultation(Map.of())).id();
        long area = dr.get("/api/consultations/" + cid).json().get("areas").get(0).get("id").asLong();
        long planId = dr.post("/api/consultations/" + cid + "/plan", Map.of("sessions", 2)).id();
        dr.post("/api/plans/" + planId + "/consent", Map.of("patientName", givenName + " " + family));
        dr.post("/api/patients/" + id + "/screenings", Map.of());
        long lot = dr.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol", "strengthPercent",
                "0.5", "lotNumber", "T-" + ApiFixture.unique(), "expiryDate", LocalDate.now().plusYears(1).toString(),
                "quantity", 5)).id();
        long session = dr.post("/api/patients/" + id + "/sessions", Map.of("adHocReason", "Walk-in", "weightKg", 60,
                "confirmed", List.of("LEGS_NOT_SHAVED", "NO_MOISTURISER", "HOSIERY_BROUGHT"))).id();
        dr.post("/api/sessions/" + session + "/injections", Map.of("areaId", area, "lotId", lot, "volumeMl", 0.5));
        dr.put("/api/sessions/" + session + "/compression", Map.of("type", "STOCKING", "length", "THIGH",
                "lowMmHg", 14, "highMmHg", 17, "standard", "UK"));
        dr.put("/api/sessions/" + session + "/reactions", Map.of("reactions", List.of("NONE")));
        dr.post("/api/sessions/" + session + "/sign", null);
        return new Treated(clinician, dr, family, id, session);
    }

    /** Taps the leg map once the page has loaded, so the map's script is listening (each tap reloads the page). */
    private void tap(com.microsoft.playwright.Locator region, double x, double y) {
        page.waitForLoadState();
        region.click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(x, y));
    }

    private void screenshotAt(String name, int width, int height) {
        page.setViewportSize(width, height);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(false));
        page.setViewportSize(1024, 768);
    }

    @Test
    void aClinicianSetsUpASecondFactorAndSignsInWithItAndAnAdminManagesAccounts() {
        String clinician = "totp" + ApiFixture.unique();
        Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        assertThat(admin.post("/api/users", java.util.Map.of("username", clinician, "password", "a-long-password-1",
                "displayName", "Dr Tess Otp", "role", "CLINICIAN")).status()).isEqualTo(201);
        signIn(clinician, "a-long-password-1");
        page.locator("details.who > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account")).click();
        checkAccessibility("40-account");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up or change your second factor"))
                .click();
        checkAccessibility("41-second-factor-setup");
        org.venula.support.Authenticator app = org.venula.support.Authenticator.fromPage(page.content());
        page.getByLabel("Code from the app").fill(app.code(0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your second factor is on")))
                .isVisible();
        checkAccessibility("42-recovery-codes");
        signOut();

        page.navigate(url("/login"));
        page.getByLabel("Username").fill(clinician);
        page.getByLabel("Password").fill("a-long-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/login/code"));
        checkAccessibility("43-code");
        page.getByLabel("Code").fill("000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not right");
        page.getByLabel("Code").fill(app.code(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/patients.*"));
        signOut();

        signIn("admin", ApiFixture.ADMIN_PASSWORD);
        page.navigate(url("/admin/users"));
        assertThat(page.getByText("second factor").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate Dr Tess Otp")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("deactivated");
        checkAccessibility("44-users-accounts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access log").setExact(true)).click();
        checkAccessibility("45-access-log");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify log")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access log verification")))
                .isVisible();
        checkAccessibility("46-access-log-verification");
    }

    /** Opens the header's Clinic menu (administrators) and follows one of its links. */
    private void clinicMenu(String link) {
        page.locator("nav[aria-label=Main] details.menu > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).click();
    }

    private void signOut() {
        page.locator("details.who > summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/patients.*"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private void checkAccessibility(String name) {
        screenshot(name);
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze();
        assertThat(results.getViolations())
                .as(name + ": " + results.getViolations().stream()
                        .map(v -> v.getId() + " (" + v.getNodes().size() + "): " + v.getHelp())
                        .collect(Collectors.joining("; ")))
                .isEmpty();
    }
}
