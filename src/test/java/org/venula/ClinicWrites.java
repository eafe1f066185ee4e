package org.venula;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;

/**
 * The writes of a clinic's day, through the API of a running Venula, remembering every one that was answered 2xx:
 * patients registered, consultations booked on distinct free slots, injections charted in open sessions. A write whose
 * answer never arrived (the process was killed) is not remembered: only acknowledged writes must survive.
 */
final class ClinicWrites {

    record Patient(long id, String familyName) {
    }

    record Booking(long id, long patientId) {
    }

    /** A patient with an open session: the records a session's endpoints work on. */
    record OpenSession(long patientId, long consultationId, long planId, long sessionId, long areaId) {
    }

    final ConcurrentLinkedQueue<Patient> patients = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Booking> bookings = new ConcurrentLinkedQueue<>();
    /** Per session, how many injections were acknowledged (sessions are charted by one thread each). */
    final Map<Long, AtomicInteger> injections = new java.util.concurrent.ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger names = new AtomicInteger();
    private final String run = Long.toString(System.nanoTime() % 100000, 36);

    long practitionerId;
    long lotId;
    private String clinicianName;

    /** A clinician (practitioner) and a lot of polidocanol, made once through the admin. */
    void prepare(Api admin) {
        clinicianName = "durable" + run;
        Response user = admin.post("/api/users", Map.of("username", clinicianName, "password", "a-long-password-1",
                "displayName", "Dr Durable", "role", "CLINICIAN"));
        require(user, 201);
        Api clinician = clinician(admin);
        practitionerId = clinician.get("/api/me").json().get("practitionerId").asLong();
        Response lot = clinician.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol",
                "strengthPercent", "0.5", "lotNumber", "DUR" + run, "expiryDate",
                LocalDate.now().plusYears(1).toString(), "quantity", 1000));
        require(lot, 201);
        lotId = lot.id();
    }

    Api clinician(Api admin) {
        return admin.withUser(clinicianName, "a-long-password-1");
    }

    /** Registers one patient; remembered once answered 201. */
    long registerPatient(Api api) {
        String family = "Durable" + run + "x" + names.incrementAndGet();
        Response r = api.post("/api/patients", ApiFixture.patient(family, Map.of()));
        check(r, "POST /api/patients");
        if (r.status() == 201) {
            patients.add(new Patient(r.id(), family));
            return r.id();
        }
        return -1;
    }

    /** Books a consultation for a new patient on one of {@code slots}; remembered once answered 201. */
    void bookConsultation(Api api, List<String> slots) {
        long patient = registerPatient(api);
        if (patient < 0 || slots.isEmpty()) {
            return;
        }
        String start = slots.remove(ThreadLocalRandom.current().nextInt(slots.size()));
        Response r = api.post("/api/appointments", Map.of("patientId", patient, "practitionerId", practitionerId,
                "type", "CONSULTATION", "start", start));
        check(r, "POST /api/appointments");
        if (r.status() == 201) {
            bookings.add(new Booking(r.id(), patient));
        }
    }

    /** Free consultation slots of the prepared practitioner over the coming weeks. */
    List<String> freeSlots(Api api) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        List<String> free = new ArrayList<>();
        for (int month = 0; month < 4; month++) { // the slot search answers up to 31 days at a time
            LocalDate start = from.plusDays(31L * month);
            Response slots = api.get("/api/slots?practitionerId=" + practitionerId + "&type=CONSULTATION&from="
                    + start + "&to=" + start.plusDays(30));
            require(slots, 200);
            free.addAll(slots.json().findValuesAsString("start"));
        }
        return free;
    }

    /** A patient screened, consulted, planned and consented, with a session started; returns the session and area. */
    OpenSession openSession(Api clinician) {
        long id = registerPatient(clinician);
        if (id < 0) {
            return null;
        }
        Response h = clinician.put("/api/patients/" + id + "/history", ApiFixture.history());
        Response s1 = clinician.post("/api/patients/" + id + "/screenings", Map.of());
        Response c = clinician.post("/api/patients/" + id + "/consultations", ApiFixture.consultation(Map.of()));
        for (Response r : List.of(h, s1, c)) {
            check(r, "session set-up");
        }
        if (c.status() != 201) {
            return null;
        }
        long area = c.json().get("areas").get(0).get("id").asLong();
        Response plan = clinician.post("/api/consultations/" + c.id() + "/plan", Map.of("sessions", 2));
        check(plan, "plan");
        if (plan.status() != 201) {
            return null;
        }
        check(clinician.post("/api/plans/" + plan.id() + "/consent", Map.of("patientName", "Ann")), "consent");
        check(clinician.post("/api/patients/" + id + "/screenings", Map.of()), "screening");
        Response s = clinician.post("/api/patients/" + id + "/sessions", Map.of("adHocReason", "Course session",
                "weightKg", 65, "confirmed", ApiFixture.CHECKLIST));
        check(s, "POST /api/patients/{id}/sessions");
        if (s.status() != 201) {
            return null;
        }
        injections.put(s.id(), new AtomicInteger());
        return new OpenSession(id, c.id(), plan.id(), s.id(), area);
    }

    /** Charts 0.1 mL at a point of the session's first area; counted once answered 201. */
    boolean chart(Api clinician, long session, long area) {
        Map<String, Object> i = ApiFixture.injection(area, lotId, Map.of("volumeMl", 0.1,
                "x", 100 + ThreadLocalRandom.current().nextInt(40), "y", 300));
        Response r = clinician.post("/api/sessions/" + session + "/injections", i);
        check(r, "POST /api/sessions/{id}/injections");
        if (r.status() == 201) {
            injections.get(session).incrementAndGet();
            return true;
        }
        return false;
    }

    /** Every acknowledged write, read back; returns what is missing, empty when nothing was lost. */
    List<String> missing(Api admin) {
        List<String> lost = new ArrayList<>();
        for (Patient p : patients) {
            Response r = admin.get("/api/patients/" + p.id());
            if (r.status() != 200 || !p.familyName().equals(r.json().get("familyName").asString())) {
                lost.add("patient " + p.id() + " (" + r.status() + ")");
            }
        }
        for (Booking b : bookings) {
            Response r = admin.get("/api/patients/" + b.patientId() + "/appointments");
            if (r.status() != 200 || !r.json().findValues("id").stream().anyMatch(n -> n.asLong() == b.id())) {
                lost.add("appointment " + b.id());
            }
        }
        for (Map.Entry<Long, AtomicInteger> e : injections.entrySet()) {
            Response r = admin.get("/api/sessions/" + e.getKey());
            int stored = r.status() == 200 ? r.json().get("injections").size() : -1;
            if (stored < e.getValue().get()) {
                lost.add("session " + e.getKey() + ": " + stored + " of " + e.getValue().get() + " injections");
            }
        }
        return lost;
    }

    int acknowledged() {
        return patients.size() + bookings.size() + injections.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void check(Response r, String what) {
        if (r.status() >= 500) {
            serverErrors.add(what + " -> " + r.status() + " " + r.text());
        }
    }

    private static void require(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + r);
        }
    }
}
