package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.venula.assessment.LegMapShapes;

/**
 * The shared page fragments (leg map, field error, alerts) rendered on their own, without a running application:
 * each page that includes them gets the markup its scripts, styles and browser tests rely on.
 */
class PageFragmentsTest {

    /** The injections drawn on a session's map; the page's own record has the same accessors. */
    public record Dot(int seq, String view, double x, double y, String form, boolean counts, boolean tapped, String title) {
    }

    /** One answer of a medical-history version as the chart and the version page list it. */
    public record Answer(String label, String text, boolean unanswered, boolean flag) {
    }

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return ""; // links as the application at the root of its server writes them
            }
        });
        return engine;
    }

    private String render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.UK);
        context.setVariables(variables);
        context.setVariable("label", new PageLabels.Label());
        return engine.process(template, context);
    }

    private static long count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1L;
    }

    @Test
    void consultationMapMarksEachMappedAreaAndLetsEveryAreaBeTapped() {
        LegMapShapes.Shape calf = LegMapShapes.ALL.stream().filter(s -> s.label().equals("Left calf, front")).findFirst().orElseThrow();
        String html = render("<div th:replace=\"~{fragments/legmap :: map(true, ${marked}, null)}\"></div>",
                Map.of("shapes", LegMapShapes.ALL, "marked", Set.of(calf.key())));

        assertThat(html).contains("class=\"legmap interactive\"")
                .contains("data-label=\"Left calf, front\"")
                .contains("aria-label=\"Legs from the front\"").contains("aria-label=\"Legs from the back\"")
                .doesNotContain("session-map").doesNotContain("class=\"pending\"").doesNotContain("mapped");
        assertThat(count(html, "class=\"region marked\"")).isEqualTo(1);
        assertThat(count(html, "role=\"button\"")).isEqualTo(LegMapShapes.ALL.size());
    }

    @Test
    void consultationSummaryMapIsNotTappable() {
        String html = render("<div th:replace=\"~{fragments/legmap :: map(false, ${marked}, null)}\"></div>",
                Map.of("shapes", LegMapShapes.ALL, "marked", Set.of()));

        assertThat(html).contains("class=\"legmap\"").doesNotContain("interactive").doesNotContain("role=\"button\"")
                .doesNotContain("tabindex");
        assertThat(count(html, "role=\"img\"")).isEqualTo(LegMapShapes.ALL.size());
    }

    @Test
    void openSessionMapLetsOnlyMappedAreasBeTappedAndDrawsInjections() {
        List<String> mapped = List.of("LEFT-CALF");
        long calfShapes = LegMapShapes.ALL.stream().filter(s -> (s.leg() + "-" + s.region()).equals("LEFT-CALF")).count();
        String html = render("<div th:replace=\"~{fragments/legmap :: map(true, ${mapped}, ${dots})}\"></div>",
                Map.of("shapes", LegMapShapes.ALL, "mapped", mapped,
                        "dots", List.of(new Dot(1, "FRONT", 40, 250, "LIQUID", true, true, "Injection 1"),
                                new Dot(2, "FRONT", 45, 255, "FOAM", false, false, "Injection 2"))));

        assertThat(html).contains("class=\"legmap session-map interactive\"")
                .contains("data-view=\"FRONT\"").contains("data-view=\"BACK\"")
                .contains("class=\"dot\"").contains("class=\"dot voided at-area\"").contains("class=\"foam\"")
                .doesNotContain("marked");
        assertThat(count(html, "class=\"region mapped\"")).isEqualTo(calfShapes);
        assertThat(count(html, "role=\"button\"")).isEqualTo(calfShapes);
        assertThat(count(html, "class=\"pending\"")).isEqualTo(2);
        assertThat(count(html, "<g ")).isEqualTo(2);
    }

    @Test
    void signedSessionMapShowsMappedAreasButNoneCanBeTapped() {
        String html = render("<div th:replace=\"~{fragments/legmap :: map(false, ${mapped}, ${dots})}\"></div>",
                Map.of("shapes", LegMapShapes.ALL, "mapped", List.of("LEFT-CALF"), "dots", List.of()));

        assertThat(html).contains("class=\"legmap session-map\"").doesNotContain("interactive").doesNotContain("role=\"button\"");
        assertThat(html).contains("class=\"region mapped\"");
    }

    @Test
    void fieldWithAnErrorShowsItOnceWithAnIdTheFieldCanPointTo() {
        String html = render("<p th:replace=\"~{fragments/fields :: error('address')}\"></p>",
                Map.of("problems", Map.of("address", "must not be blank")));

        assertThat(html.strip()).isEqualTo("<p class=\"error-text\" id=\"address-error\">must not be blank</p>");
    }

    @Test
    void fieldWithoutAnErrorShowsNothing() {
        String html = render("<p th:replace=\"~{fragments/fields :: error('address')}\"></p>", Map.of("problems", Map.of()));

        assertThat(html.strip()).isEmpty();
    }

    @Test
    void labelledTextFieldKeepsItsErrorId() {
        String html = render("<div th:replace=\"~{fragments/fields :: text('phone', 'Phone', 'tel', null)}\"></div>",
                Map.of("problems", Map.of("phone", "7 to 15 digits"), "v", Map.of()));

        assertThat(html).contains("class=\"field has-error\"").contains("aria-describedby=\"phone-error\"")
                .contains("<p class=\"error-text\" id=\"phone-error\">7 to 15 digits</p>");
    }

    @Test
    void noticeAndFailureShowOnlyWhenThereIsAMessage() {
        String html = render("<p th:replace=\"~{fragments/alerts :: notice(${notice})}\"></p>"
                + "<p th:replace=\"~{fragments/alerts :: failure(${failure})}\"></p>", Map.of("notice", "Saved."));

        assertThat(html).isEqualTo("<p class=\"alert ok\" role=\"status\">Saved.</p>");
    }

    @Test
    void problemsListEachFieldInWordsWhenLabelled() {
        String html = render("<div th:replace=\"~{fragments/alerts :: problems('Not charted:', ${problems}, true)}\"></div>",
                Map.of("problems", Map.of("weightKg", "at least 1 kg")));

        assertThat(html).contains("class=\"alert error\" role=\"alert\"").contains("<p>Not charted:</p>")
                .contains("<li>" + new PageLabels.Label().field("weightKg") + ": at least 1 kg</li>");
    }

    @Test
    void problemsKeepTheFieldPathWhenNotLabelled() {
        String html = render("<div th:replace=\"~{fragments/alerts :: problems('Nothing was saved: please correct these.', ${problems}, false)}\"></div>",
                Map.of("problems", Map.of("areas[0].leg", "required")));

        assertThat(html).contains("<li>areas[0].leg: required</li>");
    }

    @Test
    void noProblemsNoAlert() {
        String html = render("<div th:replace=\"~{fragments/alerts :: problems('Not charted:', ${problems}, true)}\"></div>"
                + "<div th:replace=\"~{fragments/alerts :: messages('The review was not saved:', ${errors})}\"></div>",
                Map.of("problems", Map.of(), "errors", List.of()));

        assertThat(html.strip()).isEmpty();
    }

    @Test
    void messagesListEachMessage() {
        String html = render("<div th:replace=\"~{fragments/alerts :: messages('The review was not saved:', ${errors})}\"></div>",
                Map.of("errors", List.of("Clearance must be 0 to 100")));

        assertThat(html).contains("<p>The review was not saved:</p>").contains("<li>Clearance must be 0 to 100</li>");
    }

    @Test
    void historyAnswersMarkTheUnansweredAndTheFlagged() {
        String html = render("<dl th:replace=\"~{patient/history-fields :: answers(${answers})}\"></dl>",
                Map.of("answers", List.of(new Answer("Pregnant?", "No", false, false),
                        new Answer("Antibiotics in the last 14 days?", "Not asked", true, false),
                        new Answer("Deep vein thrombosis before?", "Yes", false, true))));

        assertThat(html).contains("<dl class=\"answers\">").contains("<dt>Pregnant?</dt>")
                .contains("<dd class=\"unanswered\">Not asked</dd>").contains("<dd class=\"flag\">Yes</dd>")
                .contains("<dd>No</dd>");
    }

    /** A patient as the pages of one record name it. */
    public record Patient(long id, String fullName) {
    }

    @Test
    void patientCrumbsLeadBackToThePatientAndNameThePage() {
        String html = render("<p th:replace=\"~{fragments/layout :: patientCrumbs('Screening')}\"></p>"
                + "<p th:replace=\"~{fragments/layout :: patientCrumbs(null)}\"></p>", Map.of("patient", new Patient(3, "Ann Smith")));

        assertThat(html).isEqualTo("<p class=\"crumbs\"><a href=\"/patients\">Patients</a> › <a href=\"/patients/3\">Ann Smith</a> › Screening</p>"
                + "<p class=\"crumbs\"><a href=\"/patients\">Patients</a> › <a href=\"/patients/3\">Ann Smith</a></p>");
    }

    @Test
    void pagerLinksOnlyWhereThereIsAPageToGoTo() {
        String call = "<nav th:replace=\"~{fragments/pager :: pager(${page}, ${pages}, @{/patients(page=${page - 1})}, '← Previous', @{/patients(page=${page + 1})}, 'Next →')}\"></nav>";

        assertThat(render(call, Map.of("page", 0, "pages", 1)).strip()).isEmpty();
        assertThat(render(call, Map.of("page", 0, "pages", 3))).contains("<nav class=\"pager\" aria-label=\"Pages\">")
                .doesNotContain("← Previous").contains("<span>Page 1 of 3</span>").contains("<a href=\"/patients?page=1\">Next →</a>");
        assertThat(render(call, Map.of("page", 2, "pages", 3))).contains("<a href=\"/patients?page=1\">← Previous</a>")
                .contains("<span>Page 3 of 3</span>").doesNotContain("Next →");
    }

    @Test
    void totalNamesOneOrManyAndNothingWhenEmpty() {
        String call = "<p th:replace=\"~{fragments/pager :: total(${n}, 'entry', 'entries')}\"></p>";

        assertThat(render(call, Map.of("n", 1))).isEqualTo("<p class=\"muted small\">1 entry</p>");
        assertThat(render(call, Map.of("n", 12))).isEqualTo("<p class=\"muted small\">12 entries</p>");
        assertThat(render(call, Map.of("n", 0)).strip()).isEmpty();
    }

    @Test
    void labelledTextAreaKeepsItsValueAndItsErrorId() {
        String html = render("<div th:replace=\"~{fragments/fields :: textarea('address', 'Address', 3, 500)}\"></div>",
                Map.of("problems", Map.of("address", "too long"), "v", Map.of("address", "1 High Street")));

        assertThat(html).contains("<div class=\"field has-error\">").contains("<label for=\"address\">Address</label>")
                .contains("<textarea id=\"address\" name=\"address\" rows=\"3\" maxlength=\"500\" aria-invalid=\"true\">1 High Street</textarea>")
                .contains("<p class=\"error-text\" id=\"address-error\">too long</p>");
    }

    @Test
    void enumChoiceNamesEachValueInWordsAndMarksTheChosenOne() {
        String html = render("<div th:replace=\"~{fragments/fields :: select('area', 'Area to treat', ${areas}, 'LEGS')}\"></div>",
                Map.of("problems", Map.of("area", "choose where the veins are"), "areas", org.venula.screening.rules.Area.values()));

        assertThat(html).contains("<div class=\"field has-error\">").contains("<label for=\"area\">Area to treat</label>")
                .contains("<select id=\"area\" name=\"area\">").contains("<option value=\"LEGS\" selected=\"selected\">Legs</option>")
                .contains("<p class=\"error-text\" id=\"area-error\">choose where the veins are</p>");
        assertThat(count(html, "<option ")).isEqualTo(org.venula.screening.rules.Area.values().length);
    }

    /** A practitioner as the calendar's picker lists them. */
    public record Practitioner(long id, String displayName) {
    }

    @Test
    void calendarPickerKeepsThePatientBeingBookedAndStepsByTheGivenLinks() {
        String call = "<p th:replace=\"~{scheduling/views :: bookingFor}\"></p>"
                + "<form th:replace=\"~{scheduling/views :: picker(@{/calendar}, true, 'Day', 'Appointment', false, @{/calendar(date=${day.minusDays(1)})}, '← Previous day', @{/calendar(date=${day.plusDays(1)})}, 'Next day →')}\"></form>";
        Practitioner dr = new Practitioner(7, "Dr Jones");
        String html = render(call, Map.of("forPatient", new Patient(3, "Ann Smith"), "patientId", 3L, "practitioners", List.of(dr), "practitioner", dr,
                "day", java.time.LocalDate.of(2026, 12, 3), "types", List.of("CONSULTATION"), "type", "CONSULTATION"));

        assertThat(html).contains("<p class=\"muted\">Booking for <strong>Ann Smith</strong>: choose a free slot.</p>")
                .contains("<form method=\"get\" action=\"/calendar\" class=\"row three calendar-pick\">")
                .contains("<input type=\"hidden\" name=\"patientId\" value=\"3\">")
                .contains("<option value=\"7\" selected=\"selected\">Dr Jones</option>")
                .contains("<label for=\"date\">Day</label><input id=\"date\" name=\"date\" type=\"date\" value=\"2026-12-03\">")
                .contains("<label for=\"type\">Appointment</label>").contains("<option value=\"CONSULTATION\" selected=\"selected\">Consultation</option>")
                .contains("<a class=\"button\" href=\"/calendar?date=2026-12-02\">← Previous day</a>")
                .contains("<a class=\"button\" href=\"/calendar?date=2026-12-04\">Next day →</a>");
    }

    @Test
    void calendarPickerOfTheWholeClinicHasNoPractitioner() {
        String html = render("<form th:replace=\"~{scheduling/views :: picker(@{/calendar/clinic-week}, false, 'Week of', 'Free slots for', true, @{/a}, '← Previous week', @{/b}, 'Next week →')}\"></form>",
                Map.of("day", java.time.LocalDate.of(2026, 12, 3), "types", List.of("CONSULTATION"), "type", "CONSULTATION"));

        assertThat(html).doesNotContain("practitionerId").doesNotContain("patientId").contains("<label for=\"date\">Week of</label>")
                .contains("<label for=\"type\">Free slots for</label>");
    }

    /** A medical-history question as the questionnaire asks it. */
    public record Question(String label, String field) {
    }

    @Test
    void severalChoicesTickWhatWasAnsweredAndNameEachInWords() {
        org.springframework.util.LinkedMultiValueMap<String, String> v = new org.springframework.util.LinkedMultiValueMap<>();
        v.add("allergies", "SODIUM_TETRADECYL_SULFATE");
        String html = render("<fieldset th:replace=\"~{patient/history-fields :: several(${q}, ${options})}\"></fieldset>",
                Map.of("q", new Question("Allergies", "allergies"), "v", v, "options", org.venula.patient.Sclerosant.values()));

        assertThat(html).contains("<fieldset class=\"field question\">").contains("<legend>Allergies</legend>")
                .contains("<input type=\"checkbox\" name=\"allergies\" value=\"POLIDOCANOL\"><span>Polidocanol</span>".replace("><span>", ">\n      <span>"))
                .contains("<input type=\"checkbox\" name=\"allergies\" value=\"SODIUM_TETRADECYL_SULFATE\" checked=\"checked\">")
                .contains("<span>Sodium tetradecyl sulfate</span>");
    }

    @Test
    void staffPageWrapsItsMainInTheHeadTheNavigationAndTheFooter() {
        String html = render("<!DOCTYPE html>\n<html th:replace=\"~{fragments/page :: page('Users', 'users', ~{::main})}\">\n<main id=\"main\" class=\"container\"><h1>Users</h1></main>\n</html>",
                Map.of());

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>").contains("<title>Users · Venula</title>")
                .contains("<header class=\"topbar\">").contains("<a class=\"skip\" href=\"#main\">Skip to content</a>")
                .contains("</header>\n<main id=\"main\" class=\"container\"><h1>Users</h1></main>\n<footer class=\"footer\">")
                .endsWith("</footer>\n</body>\n</html>");
        assertThat(count(html, "<main")).isEqualTo(1);
    }

    @Test
    void areasTableNamesEachAreaItsVeinsAndItsSize() {
        String html = render("<table th:replace=\"~{fragments/areas :: table(${areas})}\"></table>",
                Map.of("areas", List.of(new org.venula.planning.TreatmentPlan.PlannedArea(1, "Left calf, back", "RETICULAR_VEIN", "MEDIUM"))));

        assertThat(html).contains("<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Veins</th><th scope=\"col\">Size</th></tr></thead>")
                .contains("<td>Left calf, back</td>").contains("<td>Reticular vein</td>").contains("<td>medium</td>");
    }
}
