package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.venula.clinic.Clinics;
import org.venula.support.Api;
import org.venula.support.PageBrowser;

/**
 * Every endpoint and page the running application maps must have a rule in {@code access-matrix.txt}, and every rule
 * holds for each kind of user: the roles it names get past security, the others get 403, a request without sign-in
 * gets 401 (API) or the sign-in page, and an administrator of another clinic gets 404 for this clinic's ids. Runs
 * against the demo clinic, which has a record of every kind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "venula.demo=true")
@ActiveProfiles("test")
class AccessMatrixIT {

    /** Who a rule lets in. */
    enum Who {
        /** anyone, signed in or not */
        PUBLIC,
        /** every member of staff */
        STAFF,
        /** clinicians and administrators */
        CLINICAL,
        /** administrators, and the clinician whose practitioner id is in the path */
        SELF,
        /** clinicians only: the practitioner who treats or reviews (an administrator is not one) */
        PRACTITIONER,
        ADMIN,
        /** a patient signed in to the portal (no staff sign-in counts, and a patient's counts for nothing else) */
        PATIENT
    }

    record Rule(String method, String path, Who who, boolean clinicIds) {
    }

    private static final String DEMO_PASSWORD = "venula-demo-2026";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clinics clinics;

    @Test
    void everyEndpointHasARuleAndEveryRuleHoldsForEveryKindOfUser() throws IOException {
        List<Rule> rules = rules();
        Set<String> declared = new TreeSet<>();
        rules.forEach(r -> declared.add(r.method() + " " + r.path()));
        Set<String> mapped = mapped();
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(declared);
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(mapped);
        assertThat(missing).as("endpoints with no rule in access-matrix.txt").isEmpty();
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();

        Fixture f = new Fixture();
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (Rule rule : rules) {
            String path = f.resolve(rule.path());
            // a path whose ids the demo has no record for shows nothing of another clinic's: it need not be 404
            Rule effective = path.contains(Fixture.NONE) ? new Rule(rule.method(), rule.path(), rule.who(), false)
                    : rule;
            for (Map.Entry<String, Caller> caller : f.callers.entrySet()) {
                Expectation expected = expectation(effective, caller.getKey());
                int status = caller.getValue().call(rule.method(), path);
                checks++;
                if (!expected.accepts(status)) {
                    failures.add(rule.method() + " " + path + " as " + caller.getKey() + ": " + status + ", expected "
                            + expected);
                }
            }
        }
        System.out.printf("ACCESS-MATRIX: %d endpoints x %d kinds of user = %d checks, %d failures%n", rules.size(),
                f.callers.size(), checks, failures.size());
        assertThat(failures).isEmpty();
    }

    // ---- what each kind of user must get ------------------------------------------------------------------------

    private record Expectation(String text, java.util.function.IntPredicate test) {
        boolean accepts(int status) {
            return test.test(status);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final Expectation PAST_SECURITY = new Expectation("past security (not 401/403, not 5xx)",
            s -> s != 401 && s != 403 && s < 500);
    private static final Expectation FORBIDDEN = new Expectation("403", s -> s == 403);
    private static final Expectation UNAUTHORIZED = new Expectation("401", s -> s == 401);
    private static final Expectation TO_SIGN_IN = new Expectation("the sign-in page", s -> s == -302);
    private static final Expectation NOT_FOUND = new Expectation("404", s -> s == 404);
    private static final Expectation REFUSED = new Expectation("403 or 404", s -> s == 403 || s == 404);

    private static Expectation expectation(Rule rule, String caller) {
        boolean api = rule.path().startsWith("/api/");
        if (rule.who() == Who.PUBLIC) {
            return PAST_SECURITY;
        }
        if (caller.equals("patient") || rule.who() == Who.PATIENT) {
            return caller.equals("patient") && rule.who() == Who.PATIENT ? PAST_SECURITY
                    : api ? UNAUTHORIZED : TO_SIGN_IN;
        }
        return switch (caller) {
            case "nobody" -> api ? UNAUTHORIZED : TO_SIGN_IN;
            case "another clinic's admin" -> rule.who() == Who.PRACTITIONER ? (rule.clinicIds() ? REFUSED : FORBIDDEN)
                    : rule.clinicIds() ? NOT_FOUND : PAST_SECURITY;
            case "admin" -> rule.who() == Who.PRACTITIONER ? FORBIDDEN : PAST_SECURITY;
            case "clinician" -> rule.who() == Who.ADMIN ? FORBIDDEN : PAST_SECURITY;
            case "another clinician" -> rule.who() == Who.ADMIN || rule.who() == Who.SELF ? FORBIDDEN : PAST_SECURITY;
            case "reception" -> rule.who() == Who.STAFF ? PAST_SECURITY : FORBIDDEN;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    // ---- the rules and the mapped endpoints -------------------------------------------------------------------

    private static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = AccessMatrixIT.class.getResourceAsStream("/access-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                rules.add(new Rule(parts[0], parts[1], Who.valueOf(parts[2].toUpperCase()),
                        parts[1].contains("{") && (parts.length < 4 || !parts[3].equals("global"))));
            }
        }
        return rules;
    }

    private Set<String> mapped() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                    .getMethods();
            for (String pattern : patterns) {
                if (pattern.equals("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    out.add("ANY " + pattern);
                }
                methods.forEach(m -> out.add(m.name() + " " + pattern));
            }
        }
        return out;
    }

    // ---- the callers and the ids they use -----------------------------------------------------------------------

    private interface Caller {
        /** The status; -302 for a redirect to the sign-in page (other redirects answer 302). */
        int call(String method, String path);
    }

    private final class Fixture {

        final Map<String, Caller> callers = new LinkedHashMap<>();
        final Map<String, String> ids = new LinkedHashMap<>();

        Fixture() {
            long clinic = jdbc.sql("SELECT clinic_id FROM app_user WHERE username = 'dr.okafor'").query(Long.class)
                    .single();
            String otherAdmin = "matrix" + System.nanoTime();
            clinics.createClinic("Matrix Clinic", ZoneId.of("Europe/London"), false, otherAdmin, "matrix-password-1",
                    "test");
            Api admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
            String throwaway = "throwaway" + System.nanoTime();
            admin.post("/api/users", Map.of("username", throwaway, "password", "a-long-password-1",
                    "displayName", "Throwaway", "role", "RECEPTION"));
            ids.put("patients", first("SELECT MIN(id) FROM patient WHERE clinic_id = " + clinic));
            ids.put("consultations", first("SELECT MIN(id) FROM consultation WHERE clinic_id = " + clinic));
            ids.put("photos", first("SELECT MIN(id) FROM photo WHERE clinic_id = " + clinic));
            ids.put("plans", first("SELECT MIN(id) FROM treatment_plan WHERE clinic_id = " + clinic));
            ids.put("sessions", first("SELECT MIN(id) FROM treatment_session WHERE clinic_id = " + clinic));
            ids.put("injections", first("SELECT MIN(id) FROM session_injection"));
            ids.put("appointments", first("SELECT MIN(id) FROM appointment WHERE clinic_id = " + clinic));
            ids.put("practitioners", first("SELECT p.id FROM practitioner p JOIN app_user u ON u.id = p.user_id "
                    + "WHERE u.username = 'dr.okafor'"));
            ids.put("lots", first("SELECT MIN(id) FROM sclerosant_lot WHERE clinic_id = " + clinic));
            ids.put("lotNumber", jdbc.sql("SELECT lot_number FROM sclerosant_lot WHERE clinic_id = " + clinic
                    + " ORDER BY id LIMIT 1").query(String.class).single());
            ids.put("users", first("SELECT id FROM app_user WHERE username = '" + throwaway + "'"));
            ids.put("complications", first("SELECT MIN(id) FROM complication WHERE clinic_id = " + clinic));
            ids.put("check-ins", first("SELECT MIN(id) FROM check_in WHERE clinic_id = " + clinic));
            ids.put("recalls", first("SELECT MIN(id) FROM follow_up_task WHERE clinic_id = " + clinic));
            ids.put("aftercare-plans", first("SELECT MIN(id) FROM aftercare_plan WHERE clinic_id = " + clinic));
            ids.put("consent", first("SELECT MIN(id) FROM consent"));
            ids.put("screenings", first("SELECT MIN(id) FROM screening WHERE clinic_id = " + clinic));
            ids.put("portal-registrations", first("SELECT MIN(id) FROM portal_registration WHERE clinic_id = "
                    + clinic));
            ids.put("proposals", first("SELECT MIN(id) FROM history_proposal WHERE clinic_id = " + clinic));
            ids.put("plan", ids.get("plans"));
            ids.put("protocols", "standard");
            ids.put("versions", "1");
            ids.put("history-versions", "1");
            ids.put("clinics", Long.toString(clinic));
            ids.put("type", "REVIEW");
            String waiting = Long.toString(admin.post("/api/waiting-list", Map.of("patientId",
                    Long.parseLong(ids.get("patients")), "type", "REVIEW", "note", "access matrix")).id());
            ids.put("waiting", waiting);
            ids.put("waiting-list", waiting);

            callers.put("nobody", api(Api.anonymous(port), new PageBrowser(port)));
            callers.put("admin", signedIn(admin, "admin", ApiFixture.ADMIN_PASSWORD));
            callers.put("clinician", signedIn(Api.as(port, "dr.okafor", DEMO_PASSWORD), "dr.okafor",
                    DEMO_PASSWORD));
            callers.put("another clinician", signedIn(Api.as(port, "dr.reid", DEMO_PASSWORD), "dr.reid",
                    DEMO_PASSWORD));
            callers.put("reception", signedIn(Api.as(port, "reception", DEMO_PASSWORD), "reception",
                    DEMO_PASSWORD));
            callers.put("another clinic's admin", signedIn(Api.as(port, otherAdmin, "matrix-password-1"), otherAdmin,
                    "matrix-password-1"));
            callers.put("patient", patient(admin, clinic));
        }

        static final String NONE = "999999";

        private String first(String sql) {
            Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
            return id == null ? NONE : id.toString();
        }

        private Caller signedIn(Api api, String username, String password) {
            PageBrowser browser = new PageBrowser(port);
            assertThat(browser.signIn(username, password).statusCode()).isEqualTo(302);
            return api(api, browser);
        }

        /** A demo patient signed in to the portal twice: through the API and on the pages. */
        private Caller patient(Api admin, long clinic) {
            String email = jdbc.sql("SELECT MIN(email_key) FROM patient WHERE clinic_id = :c AND email_key IS NOT NULL "
                    + "AND email_key IN (SELECT email_key FROM patient GROUP BY email_key HAVING COUNT(*) = 1)")
                    .param("c", clinic).query(String.class).single();
            Api api = Api.withCookies(port);
            api.post("/api/portal/sign-in", Map.of("clinicId", clinic, "email", email));
            assertThat(api.post("/api/portal/verify", Map.of("clinicId", clinic, "email", email, "code",
                    newestCode(admin, email))).status()).isEqualTo(200);
            PageBrowser browser = new PageBrowser(port);
            assertThat(browser.post("/portal/sign-in?clinic=" + clinic, Map.of("email", email)).statusCode())
                    .isEqualTo(302);
            assertThat(browser.post("/portal/sign-in/code", Map.of("code", newestCode(admin, email)))
                    .headers().firstValue("Location").orElse("")).endsWith("/portal");
            return api(api, browser);
        }

        private static String newestCode(Api admin, String email) {
            return org.venula.support.Outbox.signInCode(admin, email);
        }

        private Caller api(Api api, PageBrowser browser) {
            return (method, path) -> {
                if (path.startsWith("/api/")) {
                    if (method.equals("POST") && path.endsWith("/photos")) {
                        return api.multipart(path, "leg.jpg", "image/jpeg", new byte[] {1, 2, 3}, Map.of()).status();
                    }
                    Object body = method.equals("GET") || method.equals("DELETE") ? null
                            : path.endsWith("/hours") ? List.of() : Map.of();
                    String query = path.endsWith("/appointments") && path.startsWith("/api/practitioners/")
                            ? "?from=2026-01-05&to=2026-01-09" : "";
                    // any representation: downloads answer PDF, CSV, SVG or iCalendar
                    return api.send(method, path + query, body, Map.of("Accept", "*/*")).status();
                }
                HttpResponse<String> r = browser.request(method, path);
                String location = r.headers().firstValue("Location").orElse("");
                boolean toSignIn = r.statusCode() == 302
                        && (location.contains("/login") || location.contains("/portal/sign-in"));
                return toSignIn ? -302 : r.statusCode();
            };
        }

        /** The path with each variable replaced by an id of the demo clinic, chosen by the segment before it. */
        String resolve(String pattern) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String before = pattern.substring(0, m.start());
                String[] segments = before.split("/");
                String segment = segments.length == 0 ? "" : segments[segments.length - 1];
                if (before.endsWith("/aftercare/plans/") || before.endsWith("/portal/aftercare/")) {
                    segment = "aftercare-plans";
                } else if (before.endsWith("/history/versions/")) {
                    segment = "history-versions";
                } else if (m.group(2) != null) {
                    segment = "choice:" + m.group(2).substring(1).split("\\|")[0];
                } else if (List.of("lotNumber", "type", "token", "sid", "iid", "cid", "pid", "planId",
                        "clinicId", "patientId", "version", "screeningId", "consentId", "injectionId", "lotId").contains(m.group(1))) {
                    segment = switch (m.group(1)) {
                        case "sid" -> "screenings";
                        case "iid" -> "injections";
                        case "cid" -> "consultations";
                        case "pid" -> "photos";
                        case "planId" -> "plans";
                        case "clinicId" -> "clinics";
                        case "patientId" -> "patients";
                        case "screeningId" -> "screenings";
                        case "consentId" -> "consent";
                        case "injectionId" -> "injections";
                        case "lotId" -> "lots";
                        case "version" -> "versions";
                        default -> m.group(1);
                    };
                }
                String value = segment.startsWith("choice:") ? segment.substring(7)
                        : segment.equals("token") ? "not-a-token" : ids.get(segment);
                if (value == null) {
                    throw new IllegalStateException("no id for {" + m.group(1) + "} in " + pattern);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
