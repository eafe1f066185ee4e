package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.venula.ApiFixture.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;

/**
 * The API as a client meets it, over HTTP against the running application: sign-in, users, patients, histories,
 * screening, protocols, consultations, plans and bookings. {@code H2ApiIT} and {@code PostgresApiIT} implement it
 * (with the other scenario interfaces) on their database. Each test makes its own patients and users, so tests never
 * depend on each other.
 */
interface ApiScenarios extends ApiFixture {

    // ---- start-up, sign-in and users -------------------------------------------------------------------------

    @Test
    default void healthIsUpWhenTheDatabaseAnswers() {
        Response health = Api.anonymous(port()).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    default void theFirstStartCreatedAnAdministratorWhoSignsInThroughTheApi() {
        Response me = admin().get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    default void aWrongPasswordIsAnsweredAlikeWhetherOrNotTheUserExists() {
        Response known = Api.as(port(), "admin", "not-the-password").get("/api/patients");
        Response unknown = Api.as(port(), "nobody-" + unique(), "not-the-password").get("/api/patients");
        assertThat(known.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(known.text()).isEqualTo(unknown.text());
        assertThat(known.contentType()).startsWith("application/problem+json");
    }

    @Test
    default void anAdminCreatesAClinicianWhoGetsAPractitionerProfile() {
        String username = "clinician" + unique();
        Response created = admin().post("/api/users", Map.of("username", username, "password", "a-long-password-1",
                "displayName", "Dr Test", "role", "CLINICIAN", "profession", "Doctor", "registrationNumber", "GMC 1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asLong()).isPositive();
        assertThat(created.text()).doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}");

        Response practitioners = admin().get("/api/practitioners");
        assertThat(practitioners.json().findValuesAsString("registrationNumber")).contains("GMC 1");
        Response users = admin().get("/api/users");
        assertThat(users.text()).contains(username).doesNotContainIgnoringCase("password").doesNotContain("$2a$");

        Response asClinician = Api.as(port(), username, "a-long-password-1").get("/api/me");
        assertThat(asClinician.json().get("practitionerId").asLong()).isPositive();
    }

    @Test
    default void badUsersAreRefusedNamingTheField() {
        Response bad = admin().post("/api/users", Map.of("username", "x", "password", "short", "displayName", "",
                "role", "SURGEON"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).contains("role");

        Response invalid = admin().post("/api/users", Map.of("username", "x", "password", "short", "displayName", "",
                "role", "RECEPTION"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).contains("username", "password", "displayName");

        Response duplicate = admin().post("/api/users", Map.of("username", "admin", "password", "a-long-password-1",
                "displayName", "Second admin", "role", "ADMIN"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorFields()).containsExactly("username");
    }

    @Test
    default void onlyAdminsManageUsers() {
        Api reception = newUser("RECEPTION");
        assertThat(reception.get("/api/users").status()).isEqualTo(403);
        assertThat(reception.post("/api/users", Map.of("username", "sneaky" + unique(), "password",
                "a-long-password-1", "displayName", "Sneaky", "role", "ADMIN")).status()).isEqualTo(403);
    }

    // ---- patients ----------------------------------------------------------------------------------------------

    @Test
    default void aRegisteredPatientIsFoundByNameDateOfBirthAndNhsNumber() {
        String family = "Searchable" + unique();
        // a date of birth of its own, so that other tests' patients never push this one off the first page
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(unique() % 25_000);
        Response created = admin().post("/api/patients", patient(family, Map.of("nhsNumber", "943 476 5919",
                "dateOfBirth", born.toString())));
        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        assertThat(created.json().get("nhsNumber").asString()).isEqualTo("9434765919");

        assertThat(ids(admin().get("/api/patients?query=" + family.toLowerCase()))).containsExactly(id);
        assertThat(ids(admin().get("/api/patients?query=ann%20" + family.substring(0, 6)))).contains(id);
        assertThat(ids(admin().get("/api/patients?query=" + born))).contains(id);
        assertThat(ids(admin().get("/api/patients?query=" + born.format(java.time.format.DateTimeFormatter
                .ofPattern("dd/MM/yyyy"))))).contains(id);
        assertThat(ids(admin().get("/api/patients?query=943%20476%205919"))).containsExactly(id);
        assertThat(ids(admin().get("/api/patients?query=Nobody" + unique()))).isEmpty();
        assertThat(admin().get("/api/patients?query=%25").status()).isEqualTo(200);
    }

    @Test
    default void searchRanksTheExactSurnameFirstThenSurnamesThatBeginWithItThenGivenNames() {
        String s = "Rank" + unique();
        long adam = admin().post("/api/patients", patient(s, Map.of("givenName", "Adam"))).id();
        long mary = admin().post("/api/patients", patient(s, Map.of("givenName", "Mary"))).id();
        long zoeSon = admin().post("/api/patients", patient(s + "son", Map.of("givenName", "Zoe"))).id();
        long marySon = admin().post("/api/patients", patient(s + "son", Map.of("givenName", "Mary"))).id();
        long givenName = admin().post("/api/patients", patient("Jones", Map.of("givenName", s))).id();
        long irish = admin().post("/api/patients", patient("O'" + s, Map.of("givenName", "Sean"))).id();
        long twoWords = admin().post("/api/patients", patient("De " + s, Map.of("givenName", "Ann"))).id();
        String q = "/api/patients?size=50&query=";

        // | query           | found, best first                                   |
        assertThat(ids(admin().get(q + s))).containsExactly(adam, mary, marySon, zoeSon, givenName);
        assertThat(ids(admin().get(q + s.toUpperCase()))).containsExactly(adam, mary, marySon, zoeSon, givenName);
        assertThat(ids(admin().get(q + s + "so"))).containsExactly(marySon, zoeSon);
        assertThat(ids(admin().get(q + "mary%20" + s))).containsExactly(mary, marySon);
        assertThat(ids(admin().get(q + s + "%20mary"))).containsExactly(mary, marySon);
        assertThat(ids(admin().get(q + "ma%20" + s.substring(0, s.length() - 1)))).containsExactly(mary, marySon);
        assertThat(ids(admin().get(q + "o" + s))).containsExactly(irish);
        assertThat(ids(admin().get(q + "O'" + s))).containsExactly(irish);
        assertThat(ids(admin().get(q + "sean%20o" + s))).containsExactly(irish);
        assertThat(ids(admin().get(q + "de%20" + s))).containsExactly(twoWords);
        assertThat(ids(admin().get(q + "de%20" + s.substring(0, 4)))).contains(twoWords);
        assertThat(ids(admin().get(q + "ann%20de%20" + s))).containsExactly(twoWords);
        assertThat(admin().get(q + "%27").status()).isEqualTo(200);
        JsonNode beyond = admin().get("/api/patients?size=2&page=50&query=" + s).json();
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(5);
        assertThat(beyond.get("totalCapped").asBoolean()).isFalse();
        assertThat(admin().get("/api/patients?page=1001").errorFields()).containsExactly("page");
        // The same page on every run.
        assertThat(ids(admin().get(q + s))).containsExactly(adam, mary, marySon, zoeSon, givenName);
        assertThat(admin().get(q + s).json().get("totalCapped").asBoolean()).isFalse();
    }

    @Test
    default void searchIsPaged() {
        String family = "Paged" + unique();
        for (int i = 0; i < 3; i++) {
            admin().post("/api/patients", patient(family, Map.of()));
        }
        JsonNode first = admin().get("/api/patients?query=" + family + "&size=2&page=0").json();
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/patients?query=" + family + "&size=2&page=1").json().get("items").size())
                .isEqualTo(1);
        Response badSize = admin().get("/api/patients?size=0");
        assertThat(badSize.status()).isEqualTo(422);
        assertThat(badSize.errorFields()).containsExactly("size");
        assertThat(admin().get("/api/patients?page=x").status()).isEqualTo(422);
    }

    @Test
    default void badPatientInputIsRefusedNamingEachField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("givenName", "x".repeat(101));
        bad.put("familyName", " ");
        bad.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString());
        bad.put("sex", "FEMALE");
        bad.put("weightKg", -3);
        bad.put("nhsNumber", "9434765918");
        bad.put("fitzpatrickSkinType", 7);
        bad.put("email", "not-an-email");
        Response r = admin().post("/api/patients", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/validation");
        assertThat(r.errorFields()).contains("givenName", "familyName", "dateOfBirth", "weightKg", "nhsNumber",
                "fitzpatrickSkinType", "email");

        Response missing = admin().post("/api/patients", Map.of("givenName", "Ann"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorFields()).contains("familyName", "dateOfBirth", "sex");

        Response unknownSex = admin().post("/api/patients", patient("Enum", Map.of("sex", "F")));
        assertThat(unknownSex.status()).isEqualTo(422);
        assertThat(unknownSex.errorFields()).containsExactly("sex");

        Response impossibleDate = admin().post("/api/patients", patient("Date", Map.of("dateOfBirth", "1980-02-30")));
        assertThat(impossibleDate.status()).isEqualTo(422);
        assertThat(impossibleDate.errorFields()).containsExactly("dateOfBirth");

        Response wrongType = admin().post("/api/patients", patient("Type", Map.of("weightKg", "heavy")));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.errorFields()).containsExactly("weightKg");

        Response malformed = admin().post("/api/patients", "{\"givenName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).endsWith("/malformed-json");
    }

    @Test
    default void amendingKeepsTheEarlierStateAndAStaleVersionIsRefused() {
        long id = admin().post("/api/patients", patient("Amend" + unique(), Map.of())).id();
        Map<String, Object> changed = patient("Amended", Map.of("phone", "01632 960001", "version", 0));
        Response ok = admin().put("/api/patients/" + id, changed);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("version").asInt()).isEqualTo(1);

        Response stale = admin().put("/api/patients/" + id, patient("Overwrite", Map.of("version", 0)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");

        Response invalid = admin().put("/api/patients/" + id, patient("Bad", Map.of("version", 1, "weightKg", 0)));
        assertThat(invalid.status()).isEqualTo(422);

        JsonNode stored = admin().get("/api/patients/" + id).json();
        assertThat(stored.get("familyName").asString()).isEqualTo("Amended");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM patient_revision WHERE patient_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    default void aDuplicateNhsNumberInTheClinicIsAConflict() {
        String nhs = "9990237573";
        Response first = admin().post("/api/patients", patient("Twin" + unique(), Map.of("nhsNumber", nhs)));
        Response second = admin().post("/api/patients", patient("Twin" + unique(), Map.of("nhsNumber", nhs)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorFields()).containsExactly("nhsNumber");
    }

    @Test
    default void aSkinTypeSentWithTheDetailsIsKeptInTheMedicalHistory() {
        Api clinician = newUser("CLINICIAN");
        Response created = clinician.post("/api/patients", patient("Skin" + unique(),
                Map.of("fitzpatrickSkinType", 5)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("fitzpatrickSkinType").asInt()).as("a read-only copy of the history's")
                .isEqualTo(5);
        long id = created.id();
        JsonNode first = clinician.get("/api/patients/" + id + "/history").json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("history").get("fitzpatrickSkinType").asInt()).isEqualTo(5);
        assertThat(first.get("history").get("pregnant").isNull()).as("nothing else is asked yet").isTrue();

        // A history body written before the move leaves the skin type out: it stays, and screening reads it.
        Map<String, Object> withoutSkinType = history();
        withoutSkinType.remove("fitzpatrickSkinType");
        assertThat(clinician.put("/api/patients/" + id + "/history", withoutSkinType).json()
                .get("history").get("fitzpatrickSkinType").asInt()).isEqualTo(5);
        Response screened = clinician.post("/api/patients/" + id + "/screenings", Map.of("area", "LEGS"));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(201);
        assertThat(screened.toString()).contains("PIGMENTATION_RISK");

        // Sending the details back as read changes nothing; another skin type is a new history version.
        JsonNode details = clinician.get("/api/patients/" + id).json();
        Map<String, Object> same = patient(details.get("familyName").asString(), Map.of("version", 0,
                "fitzpatrickSkinType", 5));
        assertThat(clinician.put("/api/patients/" + id, same).status()).isEqualTo(200);
        assertThat(clinician.get("/api/patients/" + id + "/history").json().get("version").asInt()).isEqualTo(2);
        Map<String, Object> other = patient(details.get("familyName").asString(), Map.of("version", 1,
                "fitzpatrickSkinType", 3));
        assertThat(clinician.put("/api/patients/" + id, other).json().get("fitzpatrickSkinType").asInt()).isEqualTo(3);
        JsonNode third = clinician.get("/api/patients/" + id + "/history").json();
        assertThat(third.get("version").asInt()).isEqualTo(3);
        assertThat(third.get("history").get("fitzpatrickSkinType").asInt()).isEqualTo(3);
        assertThat(third.get("history").get("ableToWalk").asBoolean()).as("every other answer kept").isTrue();

        // Reception does not record the medical history, the skin type included, and does not read it either.
        Api reception = newUser("RECEPTION");
        assertThat(reception.get("/api/patients/" + id).json().get("fitzpatrickSkinType").isNull()).isTrue();
        Response refused = reception.post("/api/patients", patient("Skin" + unique(), Map.of("fitzpatrickSkinType", 2)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("fitzpatrickSkinType");
    }

    // ---- medical history ---------------------------------------------------------------------------------------

    @Test
    default void theMedicalHistoryIsVersionedAndEarlierVersionsStayReadable() {
        long id = admin().post("/api/patients", patient("History" + unique(), Map.of())).id();
        JsonNode none = admin().get("/api/patients/" + id + "/history").json();
        assertThat(none.get("version").asInt()).isZero();
        assertThat(none.get("history").get("pregnant").isNull()).isTrue();

        Map<String, Object> history = history();
        Response v1 = admin().put("/api/patients/" + id + "/history", history);
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);

        history.put("lastAntibioticsOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(3).toString());
        history.put("medications", List.of("TAMOXIFEN"));
        Response v2 = admin().put("/api/patients/" + id + "/history", history, Map.of("If-Match", "\"1\""));
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        Response stale = admin().put("/api/patients/" + id + "/history", history, Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(409);

        JsonNode current = admin().get("/api/patients/" + id + "/history").json();
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("history").get("medications").get(0).asString()).isEqualTo("TAMOXIFEN");
        assertThat(current.get("recordedBy").asString()).isEqualTo("admin");

        JsonNode versions = admin().get("/api/patients/" + id + "/history/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        JsonNode first = admin().get("/api/patients/" + id + "/history/versions/1").json();
        assertThat(first.get("history").get("lastAntibioticsOn").isNull()).isTrue();
        assertThat(first.get("history").get("medications").size()).isZero();
        assertThat(admin().get("/api/patients/" + id + "/history/versions/9").status()).isEqualTo(404);
    }

    @Test
    default void badHistoryInputIsRefusedAndChangesNothing() {
        long id = admin().post("/api/patients", patient("BadHistory" + unique(), Map.of())).id();
        admin().put("/api/patients/" + id + "/history", history());

        Map<String, Object> bad = history();
        bad.put("lastHeartProblemOn", LocalDate.now(ZoneId.of("Europe/London")).plusDays(5).toString());
        bad.put("fitzpatrickSkinType", 0);
        Response future = admin().put("/api/patients/" + id + "/history", bad);
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.errorFields()).containsExactlyInAnyOrder("lastHeartProblemOn", "fitzpatrickSkinType");

        Map<String, Object> unknownMedicine = history();
        unknownMedicine.put("medications", List.of("ASPIRIN"));
        Response unknown = admin().put("/api/patients/" + id + "/history", unknownMedicine);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("medications[0]");

        Map<String, Object> notBoolean = history();
        notBoolean.put("pregnant", "maybe");
        Response maybe = admin().put("/api/patients/" + id + "/history", notBoolean);
        assertThat(maybe.status()).isEqualTo(422);
        assertThat(maybe.errorFields()).containsExactly("pregnant");

        Map<String, Object> badDuplex = history();
        badDuplex.put("duplex", "SOME_REFLUX");
        assertThat(admin().put("/api/patients/" + id + "/history", badDuplex).errorFields()).containsExactly("duplex");

        assertThat(admin().get("/api/patients/" + id + "/history").json().get("version").asInt()).isEqualTo(1);
    }

    // ---- clinic boundary, roles and the access log -------------------------------------------------------------

    @Test
    default void anotherClinicsUserGetsNotFoundForThisClinicsPatient() {
        long id = admin().post("/api/patients", patient("Private" + unique(), Map.of())).id();
        String otherAdmin = "other" + unique();
        clinics().createClinic("Other Clinic", ZoneId.of("Europe/London"), false, otherAdmin, "other-password-123",
                "test");
        Api other = Api.as(port(), otherAdmin, "other-password-123");

        assertThat(other.get("/api/patients/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/patients/" + id + "/history").status()).isEqualTo(404);
        assertThat(other.put("/api/patients/" + id + "/history", history()).status()).isEqualTo(404);
        assertThat(other.get("/api/patients/" + (id + 100000)).status()).isEqualTo(404);
        assertThat(ids(other.get("/api/patients?query=Private"))).doesNotContain(id);
        assertThat(admin().get("/api/patients/" + id + "/history").json().get("version").asInt()).isZero();
    }

    @Test
    default void receptionSeesDemographicsButNotTheMedicalHistory() {
        long id = admin().post("/api/patients", patient("Front" + unique(), Map.of())).id();
        Api reception = newUser("RECEPTION");
        assertThat(reception.get("/api/patients/" + id).status()).isEqualTo(200);
        Response history = reception.get("/api/patients/" + id + "/history");
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.contentType()).startsWith("application/problem+json");
        assertThat(reception.put("/api/patients/" + id + "/history", history()).status()).isEqualTo(403);
        assertThat(reception.get("/api/patients/" + id + "/history/versions").status()).isEqualTo(403);
        assertThat(reception.get("/api/patients/" + id + "/access-log").status()).isEqualTo(403);
    }

    @Test
    default void everyReadAndWriteOfAPatientIsInTheAccessLog() {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("Logged" + unique(), Map.of())).id();
        clinician.get("/api/patients/" + id);
        clinician.put("/api/patients/" + id + "/history", history());
        clinician.get("/api/patients/" + id + "/history");

        JsonNode log = admin().get("/api/patients/" + id + "/access-log?size=200").json();
        List<String> actions = log.findValuesAsString("action");
        assertThat(actions).contains("CREATE_PATIENT", "VIEW_PATIENT", "UPDATE_HISTORY", "VIEW_HISTORY");
        JsonNode entry = log.get(log.size() - 1);
        assertThat(entry.get("action").asString()).isEqualTo("CREATE_PATIENT");
        assertThat(entry.get("channel").asString()).isEqualTo("API");
        assertThat(entry.get("remoteAddress").asString()).isNotBlank();
        assertThat(entry.get("username").asString()).startsWith("clinician");
    }

    @Test
    default void aPatientsAccessLogComesInPagesNewestFirst() {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("Paged" + unique(), Map.of())).id();
        clinician.get("/api/patients/" + id);
        clinician.get("/api/patients/" + id + "/history");
        String log = "/api/patients/" + id + "/access-log";
        // Reading the log is itself logged first, so each page begins with that read.
        List<String> two = admin().get(log + "?size=2").json().findValuesAsString("action");
        assertThat(two).containsExactly("VIEW_ACCESS_LOG", "VIEW_HISTORY");
        List<String> all = admin().get(log + "?size=200").json().findValuesAsString("action");
        assertThat(all).startsWith("VIEW_ACCESS_LOG", "VIEW_ACCESS_LOG", "VIEW_HISTORY").endsWith("CREATE_PATIENT");
        assertThat(admin().get(log + "?size=201").errorFields()).containsExactly("size");
        assertThat(admin().get("/api/check-ins?page=-1").errorFields()).containsExactly("page");
        assertThat(admin().get("/api/complications/waiting?size=0").errorFields()).containsExactly("size");
        assertThat(admin().get("/api/sign-in-events?size=2").json().size()).isLessThanOrEqualTo(2);
    }

    @Test
    default void theDatabaseRefusesWhatTheRulesForbid() {
        long clinic = clinics().firstClinic().orElseThrow().id();
        assertThatThrownBy(() -> jdbc().sql("""
                INSERT INTO patient (clinic_id, given_name, family_name, date_of_birth, sex, fitzpatrick_skin_type,
                  created_at, created_by, updated_at, updated_by)
                VALUES (:c, 'A', 'B', DATE '1980-01-01', 'FEMALE', 9, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')""")
                .param("c", clinic).update())
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("patient_fitzpatrick_range"));
    }

    @Test
    default void theApiIsDocumented() {
        Response docs = Api.anonymous(port()).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/patients/{id}/history")).isTrue();
    }

    // ---- protocols and screening -------------------------------------------------------------------------------

    @Test
    default void evaluateAnswersRealisticCasesThroughTheRunningApplication() {
        Map<String, Object> antibiotics = evaluation(Map.of("lastAntibioticsOn", "2026-11-15"));
        Response deferred = admin().post("/api/screenings/evaluate", antibiotics);
        assertThat(deferred.status()).as(deferred.toString()).isEqualTo(200);
        assertThat(deferred.json().get("outcome").asString()).isEqualTo("DEFER");
        assertThat(deferred.json().get("earliestTreatmentDate").asString()).isEqualTo("2026-11-29");
        JsonNode finding = deferred.json().get("findings").get(0);
        assertThat(finding.get("code").asString()).isEqualTo("RECENT_ANTIBIOTICS");
        assertThat(finding.get("until").asString()).isEqualTo("2026-11-29");
        assertThat(finding.get("source").asString()).isEqualTo(
                "UK clinic microsclerotherapy page: Am I a suitable candidate for microsclerotherapy?"
                        + " — antibiotics in the last fortnight");
        assertThat(finding.get("patientText").asString()).contains("29 November 2026");
        assertThat(deferred.json().get("protocol").get("id").asString()).isEqualTo("standard");
        assertThat(deferred.json().get("protocol").get("version").asInt()).isEqualTo(1);

        Response refer = admin().post("/api/screenings/evaluate",
                evaluation(Map.of("pregnant", true, "duplex", "SUPERFICIAL_REFLUX")));
        assertThat(refer.json().get("outcome").asString()).isEqualTo("REFER");
        assertThat(refer.json().get("earliestTreatmentDate").isNull()).isTrue();
        assertThat(refer.json().get("findings").findValuesAsString("code"))
                .containsExactly("SUPERFICIAL_REFLUX", "PREGNANCY");

        Response none = admin().post("/api/screenings/evaluate", evaluation(Map.of("medications", List.of("DISULFIRAM"),
                "sclerosantAllergies", List.of("SODIUM_TETRADECYL_SULFATE"), "knownRightToLeftShunt", true)));
        assertThat(none.json().get("outcome").asString()).isEqualTo("NOT_SUITABLE");
        assertThat(none.json().get("restrictions").toString())
                .isEqualTo("[\"AVOID_POLIDOCANOL\",\"AVOID_SODIUM_TETRADECYL_SULFATE\",\"NO_FOAM\"]");

        Map<String, Object> face = evaluation(Map.of());
        face.put("area", "FACE");
        face.put("protocol", "continuous-21-days");
        Response referred = admin().post("/api/screenings/evaluate", face);
        assertThat(referred.json().get("findings").findValuesAsString("code"))
                .containsExactly("AREA_ABOVE_HEART", "DUPLEX_REQUIRED");
        assertThat(referred.json().get("protocol").get("id").asString()).isEqualTo("continuous-21-days");
    }

    @Test
    default void evaluateNamesEveryUnansweredQuestionFutureDateAndUnknownValue() {
        Map<String, Object> body = evaluation(Map.of("lastLegSurgeryOn", "2026-11-30", "duplex", "MAYBE",
                "medications", List.of("ASPIRIN"), "fitzpatrickSkinType", 7));
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) body.get("history");
        history.remove("pregnant");
        history.put("ableToWalk", null);
        Response r = admin().post("/api/screenings/evaluate", body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorFields()).contains("history.duplex", "history.medications[0]");

        Map<String, Object> body2 = evaluation(Map.of("lastLegSurgeryOn", "2026-11-30", "fitzpatrickSkinType", 7));
        @SuppressWarnings("unchecked")
        Map<String, Object> history2 = (Map<String, Object>) body2.get("history");
        history2.remove("pregnant");
        history2.put("ableToWalk", null);
        Response r2 = admin().post("/api/screenings/evaluate", body2);
        assertThat(r2.status()).isEqualTo(422);
        assertThat(r2.errorFields()).containsExactlyInAnyOrder("history.pregnant", "history.ableToWalk",
                "history.lastLegSurgeryOn", "history.fitzpatrickSkinType");

        Map<String, Object> unknownProtocol = evaluation(Map.of());
        unknownProtocol.put("protocol", "no-such-protocol");
        assertThat(admin().post("/api/screenings/evaluate", unknownProtocol).errorFields()).containsExactly("protocol");
        Map<String, Object> badArea = evaluation(Map.of());
        badArea.put("area", "ARMS");
        assertThat(admin().post("/api/screenings/evaluate", badArea).errorFields()).containsExactly("area");
        assertThat(admin().post("/api/screenings/evaluate", Map.of("asOf", "2026-11-22")).errorFields())
                .containsExactly("history");
        assertThat(newUser("RECEPTION").post("/api/screenings/evaluate", evaluation(Map.of())).status()).isEqualTo(403);
    }

    @Test
    default void aStoredCautionCountsOnlyOnceAClinicianSignsItOff() {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("Screened" + unique(), Map.of())).id();
        Response noHistory = clinician.post("/api/patients/" + id + "/screenings", Map.of());
        assertThat(noHistory.status()).isEqualTo(422);
        assertThat(noHistory.errorFields()).containsExactly("history");

        Map<String, Object> incomplete = history();
        incomplete.put("pregnant", null);
        clinician.put("/api/patients/" + id + "/history", incomplete);
        Response unanswered = clinician.post("/api/patients/" + id + "/screenings", Map.of());
        assertThat(unanswered.status()).isEqualTo(422);
        assertThat(unanswered.errorFields()).containsExactly("history.pregnant");

        Map<String, Object> tamoxifen = history();
        tamoxifen.put("medications", List.of("TAMOXIFEN"));
        clinician.put("/api/patients/" + id + "/history", tamoxifen);
        Response caution = clinician.post("/api/patients/" + id + "/screenings", Map.of("area", "LEGS"));
        assertThat(caution.status()).as(caution.toString()).isEqualTo(201);
        assertThat(caution.json().get("outcome").asString()).isEqualTo("CAUTION");
        assertThat(caution.json().get("historyVersion").asInt()).isEqualTo(2);
        assertThat(caution.json().get("signOff").isNull()).isTrue();
        long sid = caution.id();

        assertThat(clinician.post("/api/patients/" + id + "/screenings/" + sid + "/sign-off", Map.of("note", " "))
                .errorFields()).containsExactly("note");
        Response signed = clinician.post("/api/patients/" + id + "/screenings/" + sid + "/sign-off",
                Map.of("note", "Discussed the risk of phlebitis; proceed with low concentrations."));
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("signOff").get("by").asString()).startsWith("clinician");
        Response again = clinician.post("/api/patients/" + id + "/screenings/" + sid + "/sign-off",
                Map.of("note", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/already-signed-off");

        Map<String, Object> antibiotics = history();
        antibiotics.put("lastAntibioticsOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(2).toString());
        clinician.put("/api/patients/" + id + "/history", antibiotics);
        Response deferred = clinician.post("/api/patients/" + id + "/screenings", Map.of());
        assertThat(deferred.json().get("outcome").asString()).isEqualTo("DEFER");
        assertThat(clinician.post("/api/patients/" + id + "/screenings/" + deferred.id() + "/sign-off",
                Map.of("note", "no")).status()).isEqualTo(409);

        JsonNode list = clinician.get("/api/patients/" + id + "/screenings").json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("outcome").asString()).isEqualTo("DEFER");
        assertThat(list.get(1).get("signOff").get("note").asString()).startsWith("Discussed");
        assertThat(admin().get("/api/patients/" + id + "/access-log?size=200").json().findValuesAsString("action"))
                .contains("SCREEN_PATIENT", "SIGN_OFF_SCREENING");
        assertThat(newUser("RECEPTION").get("/api/patients/" + id + "/screenings").status()).isEqualTo(403);
    }

    @Test
    default void aProtocolEditIsANewVersionAndEarlierScreeningsKeepTheirsAndAnInvalidOneChangesNothing() {
        String lead = "lead" + unique();
        clinics().createClinic("Protocol Clinic", ZoneId.of("Europe/London"), false, lead, "lead-password-123", "test");
        Api leadAdmin = Api.as(port(), lead, "lead-password-123");

        JsonNode listing = leadAdmin.get("/api/protocols").json();
        assertThat(listing.get("active").get("id").asString()).isEqualTo("standard");
        assertThat(listing.get("active").get("version").asInt()).isEqualTo(1);
        assertThat(listing.get("presets").findValuesAsString("id")).contains("standard", "bas-guide", "one-week",
                "continuous-21-days", "graduated-by-vein-type", "short-course");
        assertThat(leadAdmin.get("/api/protocols/no-such").status()).isEqualTo(404);

        long id = leadAdmin.post("/api/patients", patient("Versioned" + unique(), Map.of())).id();
        Map<String, Object> h = history();
        h.put("lastAntibioticsOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(10).toString());
        leadAdmin.put("/api/patients/" + id + "/history", h);
        Response before = leadAdmin.post("/api/patients/" + id + "/screenings", Map.of());
        assertThat(before.json().get("outcome").asString()).isEqualTo("DEFER");
        assertThat(before.json().get("protocol").get("version").asInt()).isEqualTo(1);

        JsonNode doc = leadAdmin.get("/api/protocols/active").json();
        ((tools.jackson.databind.node.ObjectNode) doc.get("screening").get("rules").get("RECENT_ANTIBIOTICS"))
                .put("windowDays", 7).put("source", "Clinic governance meeting, November 2026");
        Response saved = leadAdmin.put("/api/protocols/active?note=Shorter%20antibiotic%20window", doc);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);

        Response after = leadAdmin.post("/api/patients/" + id + "/screenings", Map.of());
        assertThat(after.json().get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(after.json().get("protocol").get("version").asInt()).isEqualTo(2);
        JsonNode stored = leadAdmin.get("/api/patients/" + id + "/screenings").json();
        assertThat(stored.get(1).get("outcome").asString()).isEqualTo("DEFER");
        assertThat(stored.get(1).get("protocol").get("version").asInt()).isEqualTo(1);
        assertThat(leadAdmin.get("/api/protocols/standard?version=1").json().get("screening").get("rules")
                .get("RECENT_ANTIBIOTICS").get("windowDays").asInt()).isEqualTo(14);

        ((tools.jackson.databind.node.ObjectNode) doc.get("screening").get("rules").get("PREGNANCY"))
                .put("level", "SOMETIMES");
        Response unknownLevel = leadAdmin.put("/api/protocols/active", doc);
        assertThat(unknownLevel.status()).isEqualTo(422);
        ((tools.jackson.databind.node.ObjectNode) doc.get("screening").get("rules").get("PREGNANCY"))
                .put("level", "DEFER");
        ((tools.jackson.databind.node.ObjectNode) doc.get("screening").get("rules").get("RECENT_ANTIBIOTICS"))
                .put("windowDays", -5);
        Response invalid = leadAdmin.put("/api/protocols/active", doc);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).containsExactly("screening.rules.RECENT_ANTIBIOTICS.windowDays");
        assertThat(leadAdmin.get("/api/protocols").json().get("active").get("version").asInt()).isEqualTo(2);

        // A save made from version 1 after version 2 became active would undo version 2's change: refused.
        ((tools.jackson.databind.node.ObjectNode) doc.get("screening").get("rules").get("RECENT_ANTIBIOTICS"))
                .put("windowDays", 10);
        Response stale = leadAdmin.put("/api/protocols/active", doc, Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        assertThat(leadAdmin.get("/api/protocols").json().get("active").get("version").asInt()).isEqualTo(2);
        assertThat(leadAdmin.put("/api/protocols/active", doc, Map.of("If-Match", "\"2\"")).json().get("version")
                .asInt()).isEqualTo(3);

        assertThat(newUser("CLINICIAN").put("/api/protocols/active", doc).status()).isEqualTo(403);
        assertThat(admin().get("/api/protocols").json().get("active").get("version").asInt()).isEqualTo(1);
    }

    // ---- consultation, photos, plan, quote and consent ---------------------------------------------------------

    @Test
    default void aConsultationLeadsToAPhotographedPricedAndConsentedPlan() throws Exception {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("Course" + unique(), Map.of("givenName", "Olwen"))).id();
        clinician.put("/api/patients/" + id + "/history", history());
        assertThat(clinician.post("/api/patients/" + id + "/screenings", Map.of()).json().get("outcome").asString())
                .isEqualTo("ELIGIBLE");

        Response c = clinician.post("/api/patients/" + id + "/consultations", consultation(Map.of()));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        assertThat(c.json().get("outcome").asString()).isEqualTo("PROCEED");
        assertThat(c.json().get("areas").size()).isEqualTo(3);
        assertThat(c.json().get("screeningId").isNull()).isFalse();
        long cid = c.id();
        long areaId = c.json().get("areas").get(0).get("id").asLong();
        JsonNode history = clinician.get("/api/patients/" + id + "/history").json();
        assertThat(history.get("version").asInt()).isEqualTo(2);
        assertThat(history.get("history").get("duplex").asString()).isEqualTo("NO_REFLUX");

        Response photo = clinician.multipart("/api/consultations/" + cid + "/photos", "leg.jpg", "image/jpeg", jpeg(640, 480),
                Map.of("areaId", Long.toString(areaId), "view", "AREA", "notes", "30 cm, ring light"));
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        long pid = photo.id();
        Api.Bytes image = clinician.bytes("/api/photos/" + pid);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth()).isEqualTo(640);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                clinician.bytes("/api/photos/" + pid + "?thumbnail=true").body())).getWidth()).isEqualTo(320);

        Response notImage = clinician.multipart("/api/consultations/" + cid + "/photos", "leg.jpg", "image/jpeg",
                "this is not a picture".getBytes(), Map.of());
        assertThat(notImage.status()).isEqualTo(415);
        assertThat(notImage.json().get("type").asString()).endsWith("/unsupported-media-type");
        Response tooLarge = clinician.multipart("/api/consultations/" + cid + "/photos", "big.png", "image/png",
                new byte[400 * 1024], Map.of());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(clinician.get("/api/consultations/" + cid + "/photos").json().size()).isEqualTo(1);

        String otherAdmin = "photoclinic" + unique();
        clinics().createClinic("Photo Clinic", ZoneId.of("Europe/London"), false, otherAdmin, "other-password-123", "t");
        assertThat(Api.as(port(), otherAdmin, "other-password-123").bytes("/api/photos/" + pid).status()).isEqualTo(404);
        assertThat(Api.as(port(), otherAdmin, "other-password-123").get("/api/consultations/" + cid).status())
                .isEqualTo(404);
        assertThat(newUser("RECEPTION").bytes("/api/photos/" + pid).status()).isEqualTo(403);

        Response plan = clinician.post("/api/consultations/" + cid + "/plan", Map.of("sessions", 3));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        long planId = plan.id();
        JsonNode quote = plan.json().get("quote");
        // 1 + 2 + 1 hands = 4: medium band; 3 x 350.00 - 75.00 redeemed + 25.00 hosiery
        assertThat(quote.get("sizeBand").asString()).isEqualTo("MEDIUM");
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(plan.json().get("protocol").get("id").asString()).isEqualTo("standard");

        Api.Bytes pdf = clinician.bytes("/api/plans/" + planId + "/quote.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Treatment quote", "Olwen Course", "Total for the course", "£1000.00",
                "Consultation fee redeemed against the first session");

        assertThat(clinician.post("/api/plans/" + planId + "/consent", Map.of("patientName", " ")).errorFields())
                .containsExactly("patientName");
        Response consent = clinician.post("/api/plans/" + planId + "/consent", Map.of("patientName", "Olwen Course"));
        assertThat(consent.status()).isEqualTo(201);
        JsonNode given = consent.json().get("consents").get(0);
        assertThat(given.get("textVersion").asString()).isEqualTo("standard-2026-11");
        assertThat(given.get("text").asString()).contains("Brown staining", "Alternatives", "Aftercare");
        assertThat(clinician.post("/api/plans/" + planId + "/consent", Map.of("patientName", "Again")).status())
                .isEqualTo(409);
        long consentId = given.get("id").asLong();
        JsonNode withdrawn = clinician.post("/api/plans/" + planId + "/consent/" + consentId + "/withdraw",
                Map.of("reason", "Patient wants to wait until winter")).json();
        assertThat(withdrawn.get("consents").get(0).get("withdrawalReason").asString()).startsWith("Patient wants");
        assertThat(clinician.post("/api/plans/" + planId + "/consent", Map.of("patientName", "Olwen Course")).status())
                .isEqualTo(201);
        assertThat(clinician.get("/api/plans/" + planId).json().get("consents").size()).isEqualTo(2);

        assertThat(admin().get("/api/patients/" + id + "/access-log?size=200").json().findValuesAsString("action"))
                .contains("CREATE_CONSULTATION", "UPLOAD_PHOTO", "VIEW_PHOTO", "CREATE_PLAN", "RECORD_CONSENT",
                        "WITHDRAW_CONSENT");
    }

    @Test
    default void refluxMeansTreatTheUnderlyingVeinsFirstUnlessAClinicianOverridesWithAReason() {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("Reflux" + unique(), Map.of())).id();
        Response c = clinician.post("/api/patients/" + id + "/consultations",
                consultation(Map.of("duplexDone", true, "refluxResult", "SUPERFICIAL_REFLUX")));
        assertThat(c.json().get("outcome").asString()).isEqualTo("TREAT_UNDERLYING_FIRST");
        assertThat(c.json().get("reasons").findValuesAsString("code")).containsExactly("SUPERFICIAL_REFLUX");
        long cid = c.id();
        Response refused = clinician.post("/api/consultations/" + cid + "/plan", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("consultation");

        assertThat(clinician.post("/api/consultations/" + cid + "/override", Map.of("outcome", "PROCEED"))
                .errorFields()).containsExactly("reason");
        Response overridden = clinician.post("/api/consultations/" + cid + "/override", Map.of("outcome", "PROCEED",
                "reason", "Reflux limited to a short tributary already treated elsewhere in 2024"));
        assertThat(overridden.json().get("outcome").asString()).isEqualTo("PROCEED");
        assertThat(overridden.json().get("derivedOutcome").asString()).isEqualTo("TREAT_UNDERLYING_FIRST");
        assertThat(overridden.json().get("override").get("by").asString()).startsWith("clinician");
        assertThat(clinician.post("/api/consultations/" + cid + "/plan", Map.of()).status()).isEqualTo(201);
    }

    @Test
    default void badConsultationInputIsRefusedNamingEachField() {
        Api clinician = newUser("CLINICIAN");
        long id = clinician.post("/api/patients", patient("BadConsult" + unique(), Map.of())).id();
        Map<String, Object> bad = consultation(Map.of("dopplerDone", false, "refluxResult", "DEEP_REFLUX"));
        bad.remove("ceap");
        bad.put("areas", List.of(Map.of("leg", "LEFT", "region", "CALF", "aspect", "LATERAL", "veinType", "RETICULAR")));
        Response r = clinician.post("/api/patients/" + id + "/consultations", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("ceap", "refluxResult", "areas[0].size");

        Map<String, Object> unknown = consultation(Map.of());
        unknown.put("areas", List.of(Map.of("leg", "LEFT", "region", "SHIN", "aspect", "LATERAL",
                "veinType", "RETICULAR", "size", "SMALL")));
        assertThat(clinician.post("/api/patients/" + id + "/consultations", unknown).errorFields())
                .containsExactly("areas[0].region");
        assertThat(clinician.get("/api/patients/" + id + "/consultations").json().size()).isZero();
        assertThat(newUser("RECEPTION").post("/api/patients/" + id + "/consultations", consultation(Map.of())).status())
                .isEqualTo(403);
    }

    // ---- booking ------------------------------------------------------------------------------------------------

    @Test
    default void aTreatmentNeedsAConsultationTheDayBeforeAndACurrentClearance() {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Booked" + unique(), Map.of())).id();
        LocalDate monday = nextMonday();
        Api reception = newUser("RECEPTION");

        Response noConsultation = reception.post("/api/appointments", booking(id, practitioner, "TREATMENT",
                monday.plusDays(1).atTime(10, 0)));
        assertThat(noConsultation.status()).isEqualTo(422);
        assertThat(noConsultation.json().get("type").asString()).endsWith("/pathway-rule");
        assertThat(noConsultation.json().get("rule").asString()).isEqualTo("CONSULTATION_REQUIRED");
        assertThat(noConsultation.json().get("rules").toString()).contains("CONSULTATION_REQUIRED", "CLEARANCE_REQUIRED");

        Response consultation = reception.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                monday.atTime(10, 0)));
        assertThat(consultation.status()).as(consultation.toString()).isEqualTo(201);
        assertThat(consultation.json().get("status").asString()).isEqualTo("BOOKED");
        assertThat(consultation.json().get("start").asString()).isEqualTo(monday + "T10:00");
        assertThat(consultation.json().get("end").asString()).isEqualTo(monday + "T10:30");

        Response notCleared = reception.post("/api/appointments", booking(id, practitioner, "TREATMENT",
                monday.plusDays(1).atTime(10, 0)));
        assertThat(notCleared.json().get("rule").asString()).isEqualTo("CLEARANCE_REQUIRED");

        clinician.put("/api/patients/" + id + "/history", history());
        assertThat(clinician.post("/api/patients/" + id + "/screenings", Map.of()).json().get("outcome").asString())
                .isEqualTo("ELIGIBLE");
        Response treatment = reception.post("/api/appointments", booking(id, practitioner, "TREATMENT",
                monday.plusDays(1).atTime(10, 0)));
        assertThat(treatment.status()).as(treatment.toString()).isEqualTo(201);
        assertThat(treatment.json().get("end").asString()).isEqualTo(monday.plusDays(1) + "T10:45");
        JsonNode followUp = treatment.json().get("followUp");
        assertThat(followUp.get("reviewFrom").asString()).isEqualTo(monday.plusDays(1 + 28).toString());
        assertThat(followUp.get("reviewTo").asString()).isEqualTo(monday.plusDays(1 + 42).toString());
        assertThat(followUp.get("nextSessionFrom").asString()).isEqualTo(monday.plusDays(1 + 28).toString());

        Response tooSoon = reception.post("/api/appointments", booking(id, practitioner, "TREATMENT",
                monday.plusDays(1 + 27).atTime(10, 0)));
        assertThat(tooSoon.json().get("rule").asString()).isEqualTo("INTERVAL_TOO_SHORT");
        assertThat(reception.post("/api/appointments", booking(id, practitioner, "TREATMENT",
                monday.plusDays(1 + 28).atTime(10, 0))).status()).isEqualTo(201);

        Map<String, Object> overridden = booking(id, practitioner, "TREATMENT", monday.plusDays(15).atTime(11, 0));
        overridden.put("override", Map.of("rule", "INTERVAL_TOO_SHORT", "reason", "Split session: 12 mL needed"));
        assertThat(reception.post("/api/appointments", overridden).status()).isEqualTo(403);
        Response split = clinician.post("/api/appointments", overridden);
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        assertThat(split.json().get("overrideRule").asString()).isEqualTo("INTERVAL_TOO_SHORT");

        Response evening = reception.post("/api/appointments", booking(id, practitioner, "REVIEW",
                monday.atTime(16, 50)));
        assertThat(evening.json().get("rule").asString()).isEqualTo("OUTSIDE_WORKING_HOURS");
        assertThat(reception.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                monday.atTime(10, 15))).json().get("type").asString()).endsWith("/slot-unavailable");

        JsonNode slots = reception.get("/api/slots?practitionerId=" + practitioner + "&type=CONSULTATION&from="
                + monday + "&to=" + monday).json();
        List<String> starts = slots.findValuesAsString("start");
        assertThat(starts).contains(monday + "T09:00", monday + "T09:30", monday + "T10:30", monday + "T16:30")
                .doesNotContain(monday + "T10:00", monday + "T10:15", monday + "T16:45");

        long consultationId = consultation.id();
        assertThat(reception.post("/api/appointments/" + consultationId + "/cancel", Map.of()).errorFields())
                .containsExactly("reason");
        Response moved = reception.post("/api/appointments/" + consultationId + "/reschedule",
                Map.of("start", monday.minusDays(3) + "T09:00"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(moved.json().get("rescheduledFrom").asLong()).isEqualTo(consultationId);
        assertThat(reception.get("/api/appointments/" + consultationId).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(reception.post("/api/appointments/" + moved.id() + "/attended", null).json().get("status")
                .asString()).isEqualTo("ATTENDED");
        assertThat(reception.get("/api/patients/" + id + "/appointments").json().size()).isEqualTo(5);
    }

    @Test
    default void fiftyConcurrentBookingsOfOneSlotMakeExactlyOneAppointment() throws Exception {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Race" + unique(), Map.of())).id();
        LocalDate day = nextMonday().plusDays(2);
        assertThat(race(clinician, id, practitioner, i -> day.atTime(11, 0))).containsEntry(201, 1L)
                .containsEntry(409, 49L);
        // overlapping but different starts: 10:00, 10:15, 10:30 ... all overlap a 30-minute booking somewhere
        Map<Integer, Long> staggered = race(clinician, id, practitioner,
                i -> day.atTime(14, 0).plusMinutes(5L * (i % 6)));
        assertThat(staggered.get(201)).isBetween(1L, 2L);
        assertThat(staggered.get(201) + staggered.getOrDefault(409, 0L)).isEqualTo(50L);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM appointment WHERE practitioner_id = :p AND status <> 'CANCELLED'")
                .param("p", practitioner).query(Long.class).single()).isEqualTo(1 + staggered.get(201));
        List<JsonNode> afternoon = new ArrayList<>();
        clinician.get("/api/practitioners/" + practitioner + "/appointments?from=" + day + "&to=" + day).json()
                .forEach(afternoon::add);
        for (int i = 0; i < afternoon.size(); i++) {
            for (int j = i + 1; j < afternoon.size(); j++) {
                String aStart = afternoon.get(i).get("start").asString();
                String aEnd = afternoon.get(i).get("end").asString();
                String bStart = afternoon.get(j).get("start").asString();
                String bEnd = afternoon.get(j).get("end").asString();
                assertThat(aStart.compareTo(bEnd) >= 0 || bStart.compareTo(aEnd) >= 0).as("no overlap").isTrue();
            }
        }
    }

    @Test
    default void bookingTimesAreLocalAcrossTheClockChange() {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Clocks" + unique(), Map.of())).id();
        // UK clocks go forward at 01:00 on Sunday 28 March 2027: 01:00-02:00 does not exist that night.
        assertThat(clinician.put("/api/practitioners/" + practitioner + "/hours", List.of(
                Map.of("weekday", 7, "start", "00:00", "end", "06:00"),
                Map.of("weekday", 1, "start", "09:00", "end", "17:00"))).status()).isEqualTo(200);
        Response gap = clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                LocalDateTime.of(2027, 3, 28, 1, 30)));
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.errorFields()).containsExactly("start");
        List<String> night = clinician.get("/api/slots?practitionerId=" + practitioner
                + "&type=CONSULTATION&from=2027-03-28&to=2027-03-28").json().findValuesAsString("start");
        assertThat(night).contains("2027-03-28T00:30", "2027-03-28T02:00").noneMatch(s -> s.startsWith("2027-03-28T01"));
        Response before = clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                LocalDateTime.of(2027, 3, 28, 0, 30)));
        assertThat(before.json().get("end").asString()).isEqualTo("2027-03-28T02:00");
        Response monday = clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                LocalDateTime.of(2027, 3, 29, 9, 0)));
        assertThat(monday.json().get("end").asString()).isEqualTo("2027-03-29T09:30");
    }

    @Test
    default void aPractitionerHasAPrivateRevocableCalendarFeed() {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Feed" + unique(), Map.of("givenName", "Zara"))).id();
        clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION", nextMonday().atTime(9, 0)));
        assertThat(newUser("RECEPTION").post("/api/practitioners/" + practitioner + "/calendar-feed", null).status())
                .isEqualTo(403);
        String path = clinician.post("/api/practitioners/" + practitioner + "/calendar-feed", null).json()
                .get("path").asString();
        Api.Bytes feed = Api.anonymous(port()).bytes(path);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = new String(feed.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VEVENT", "Consultation · Z.F.").doesNotContain("Zara");
        assertThat(admin().get("/api/patients/" + id + "/access-log?size=200").json().findValuesAsString("username"))
                .contains("calendar feed");
        String rotated = clinician.post("/api/practitioners/" + practitioner + "/calendar-feed", null).json()
                .get("path").asString();
        assertThat(Api.anonymous(port()).bytes(path).status()).isEqualTo(404);
        assertThat(Api.anonymous(port()).bytes(rotated).status()).isEqualTo(200);
        assertThat(clinician.send("DELETE", "/api/practitioners/" + practitioner + "/calendar-feed", null, Map.of())
                .status()).isEqualTo(204);
        assertThat(Api.anonymous(port()).bytes(rotated).status()).isEqualTo(404);
    }

    @Test
    default void errorsBeforeAnyEndpointIsChosenAreProblemJsonToo() {
        Response unknown = admin().get("/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asString()).endsWith("/not-found");
        assertThat(unknown.json().get("instance").asString()).isEqualTo("/api/no-such-thing");
        Response notMultipart = admin().post("/api/consultations/1/photos", Map.of("file", "x"));
        assertThat(notMultipart.status()).isEqualTo(415);
        assertThat(notMultipart.contentType()).startsWith("application/problem+json");
        assertThat(notMultipart.json().get("type").asString()).endsWith("/unsupported-media-type");
        Response wrongMethod = admin().send("DELETE", "/api/patients", null, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("type").asString()).endsWith("/method-not-allowed");
    }

    /** Fires 50 bookings at once and counts the answers by status. */
    private Map<Integer, Long> race(Api api, long patientId, long practitionerId,
            java.util.function.IntFunction<LocalDateTime> start) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/appointments", booking(patientId, practitionerId, "CONSULTATION",
                        start.apply(n))).status();
            }));
        }
        go.countDown();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        for (var f : answers) {
            counts.merge(f.get(), 1L, Long::sum);
        }
        pool.shutdown();
        return counts;
    }
}
