package org.venula.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a Venula database on PostgreSQL with a clinic group's volume for the load benchmark ({@code bench/run.sh}):
 * patients, their past appointments and treatment history, written with {@code COPY} into the first clinic (the demo
 * clinic), plus the day's work the scenarios consume (open sessions to chart, charted sessions to sign, courses due a
 * review, patients to book) listed in fixture files for the wrk scripts. Rows are shaped as {@code DemoHistory} writes
 * them, with the documents (screening result, CEAP, plan and quote) copied from a demo patient recorded through the
 * application, so every generated record opens like a real one. Seeded: the same arguments give the same data.
 *
 * <p>{@code java -cp … org.venula.bench.BenchData URL PATIENTS APPOINTMENTS SESSIONS FIXTURE_DIR}
 */
public final class BenchData {

    static final String BY = "bench";
    private static final String[] GIVEN = {"Mary", "John", "Ann", "David", "Sarah", "James", "Emma", "Peter",
        "Laura", "Paul", "Alice", "Beth", "Carys", "Dawn", "Elin", "Fiona", "Gemma", "Hannah", "Iris", "Jade", "Kate",
        "Megan", "Nia", "Olivia", "Priya", "Rachel", "Sian", "Tara", "Zoe", "Anwen", "Bronwen", "Chloe", "Deborah",
        "Eleanor", "Farah", "Grace", "Holly", "Imogen", "Julia", "Karen", "Lucy", "Maria", "Nadia", "Orla", "Paula",
        "Rosa", "Susan", "Tessa", "Una", "Vera"};
    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Robinson", "Wright", "Archer", "Baines", "Carver", "Dalton", "Ellis", "Fraser", "Gough", "Hale",
        "Ingram", "Jarvis", "Keane", "Lloyd", "Marsh", "Nash", "Owens", "Pryce", "Quinn", "Rees", "Shaw", "Thorne",
        "Upton", "Vaughan", "Wells", "Yates", "Abbott", "Bishop", "Coles", "Dunn", "Evans", "Foster", "Green", "Hughes",
        "Kelly", "Morgan", "Parry", "Price", "Reid", "Stone", "Turner", "Walsh"};
    private static final String[] SUFFIX = {"", "son", "er", "ley", "ton", "well", "ford", "field", "ington", "by"};
    /**
     * Practitioners added to the demo clinic's three: a clinic group's diaries, with enough free treatment slots
     * inside a screening's validity (90 days in the standard protocol) for every booking the scenarios make.
     */
    private static final int BENCH_PRACTITIONERS = 200;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    private final Connection db;
    private final Random random = new Random(20261203);
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final String at = TS.format(now);
    private final Map<String, Long> nextId = new LinkedHashMap<>();

    private long clinic;
    private Template template;
    private List<Long> practitioners;
    private List<long[]> lots;

    private BenchData(Connection db) {
        this.db = db;
    }

    /** The documents and settings generated records copy from a patient recorded through the application. */
    private record Template(String protocolId, int protocolVersion, String screeningResult, String ceap,
            String reasons, String plan, String quote, String currency, String total, List<String[]> areas) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BenchData JDBC_URL PATIENTS APPOINTMENTS SESSIONS FIXTURE_DIR");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], System.getProperty("bench.user", "postgres"),
                System.getProperty("bench.password", ""))) {
            new BenchData(c).generate(Integer.parseInt(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    Path.of(args[4]));
        }
    }

    private void generate(int patients, long appointments, int sessions, Path fixtures) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '1GB'");
            // Foreign keys and the signed-session triggers are not checked row by row: the rows are made consistent.
            s.execute("SET session_replication_role = replica");
        }
        clinic = single("SELECT min(id) FROM clinic");
        if (single("SELECT count(*) FROM patient WHERE created_by = '" + BY + "'") > 0) {
            throw new IllegalStateException("This database already holds generated data: start from an empty one");
        }
        template = template();
        lots = new ArrayList<>();
        try (ResultSet rs = query("SELECT id, strength_percent * 1000 FROM sclerosant_lot WHERE clinic_id = " + clinic
                + " AND agent = 'POLIDOCANOL' AND recalled_at IS NULL ORDER BY id")) {
            while (rs.next()) {
                lots.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        practitioners = practitioners();
        for (String t : List.of("patient", "appointment", "screening", "consultation", "consultation_area",
                "treatment_plan", "treatment_session", "session_injection", "review", "review_area")) {
            nextId.put(t, single("SELECT coalesce(max(id), 0) + 1 FROM " + t));
        }
        long t0 = System.nanoTime();
        long firstPatient = nextId.get("patient");
        withIndexesRebuilt("patient", () -> patients(patients));
        lap("patients", patients, t0);
        t0 = System.nanoTime();
        withIndexesRebuilt("appointment", () -> appointments(firstPatient, patients, appointments));
        lap("appointments", appointments, t0);
        t0 = System.nanoTime();
        int courses = history(firstPatient, patients, sessions, fixtures);
        lap("courses of treatment", courses, t0);
        for (Map.Entry<String, Long> e : nextId.entrySet()) {
            execute("SELECT setval(pg_get_serial_sequence('" + e.getKey() + "', 'id'), (SELECT max(id) FROM "
                    + e.getKey() + "))");
        }
        t0 = System.nanoTime();
        execute("VACUUM ANALYZE");
        lap("vacuum and analyze", 0, t0);
        try (PrintWriter w = writer(fixtures.resolve("search.txt"))) {
            for (String f : FAMILY) {
                w.println(f.toLowerCase());
            }
        }
        try (PrintWriter w = writer(fixtures.resolve("read.txt"))) {
            for (int i = 0; i < 100_000; i++) {
                w.println(firstPatient + random.nextInt(patients));
            }
        }
    }

    private Template template() throws SQLException {
        long patient = single("SELECT min(patient_id) FROM treatment_plan WHERE clinic_id = " + clinic
                + " AND created_by <> 'demo history'");
        String[] s = row("SELECT protocol_id, protocol_version, result FROM screening WHERE patient_id = " + patient
                + " ORDER BY id DESC LIMIT 1", 3);
        String[] c = row("SELECT id, ceap, reasons FROM consultation WHERE patient_id = " + patient
                + " ORDER BY id DESC LIMIT 1", 3);
        String[] p = row("SELECT plan, quote, currency, total FROM treatment_plan WHERE patient_id = " + patient
                + " ORDER BY id DESC LIMIT 1", 4);
        List<String[]> areas = new ArrayList<>();
        try (ResultSet rs = query("SELECT leg, region, aspect, vein_type, size FROM consultation_area "
                + "WHERE consultation_id = " + c[0] + " ORDER BY id")) {
            while (rs.next()) {
                areas.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)});
            }
        }
        return new Template(s[0], Integer.parseInt(s[1]), s[2], c[1], c[2], p[0], p[1], p[2], p[3],
                areas);
    }

    /** The demo clinic's practitioners plus {@value #BENCH_PRACTITIONERS} more, as a clinic group's diary has. */
    private List<Long> practitioners() throws SQLException {
        String hash = row("SELECT password_hash FROM app_user WHERE clinic_id = " + clinic
                + " AND role = 'CLINICIAN' ORDER BY id LIMIT 1", 1)[0];
        for (int i = 1; i <= BENCH_PRACTITIONERS; i++) {
            execute("INSERT INTO app_user (clinic_id, username, password_hash, display_name, role, created_at, "
                    + "created_by, updated_at, updated_by) VALUES (" + clinic + ", 'bench.practitioner." + i + "', '"
                    + hash + "', 'Bench Practitioner " + i + "', 'CLINICIAN', now(), '" + BY + "', now(), '" + BY
                    + "')");
            execute("INSERT INTO practitioner (clinic_id, user_id, display_name, created_at, created_by, updated_at, "
                    + "updated_by) SELECT clinic_id, id, display_name, now(), '" + BY + "', now(), '" + BY
                    + "' FROM app_user WHERE username = 'bench.practitioner." + i + "'");
        }
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = query("SELECT id FROM practitioner WHERE clinic_id = " + clinic + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private void patients(int count) throws SQLException {
        try (Copy c = copy("patient (id, clinic_id, given_name, family_name, date_of_birth, sex, weight_kg, "
                + "prolonged_standing, version, created_at, created_by, updated_at, updated_by)")) {
            for (int i = 0; i < count; i++) {
                String family = FAMILY[i % FAMILY.length] + SUFFIX[(i / FAMILY.length) % SUFFIX.length];
                c.row(id("patient"), clinic, GIVEN[(i / 500) % GIVEN.length], family,
                        LocalDate.of(1940, 1, 1).plusDays(i % 22_000), i % 9 == 0 ? "MALE" : "FEMALE",
                        50 + i % 45, i % 5 == 0, 0, at, BY, at, BY);
            }
        }
    }

    /**
     * Past appointments, {@code count / patients} per patient: the first each patient had was a consultation, the
     * rest treatments and reviews; each practitioner's diary back to back every half hour into the past.
     */
    private void appointments(long firstPatient, int patients, long count) throws SQLException {
        OffsetDateTime end = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusDays(90);
        int n = practitioners.size();
        try (Copy c = copy("appointment (id, clinic_id, patient_id, practitioner_id, appointment_type, start_at, "
                + "end_at, status, cancel_reason, cancelled_at, cancelled_by, created_at, created_by, updated_at, "
                + "updated_by)")) {
            for (long s = 0; s < count; s++) {
                OffsetDateTime start = end.minusMinutes(30 * (s / n + 1));
                long patient = firstPatient + s % patients;
                String type = s < patients ? "CONSULTATION" : s % 4 == 0 ? "REVIEW" : "TREATMENT";
                boolean cancelled = s >= patients && s % 23 == 0;
                String status = cancelled ? "CANCELLED" : s >= patients && s % 31 == 0 ? "NO_SHOW" : "ATTENDED";
                c.row(id("appointment"), clinic, patient, practitioners.get((int) (s % n)), type, TS.format(start),
                        TS.format(start.plusMinutes(30)), status, cancelled ? "Patient unwell" : null,
                        cancelled ? TS.format(start.minusDays(1)) : null, cancelled ? BY : null, at, BY, at, BY);
            }
        }
    }

    /**
     * Courses of treatment for the first patients until {@code sessions} signed sessions are written over the last
     * three years, then the day's work for the scenarios: open sessions to chart, charted sessions to sign, courses
     * due a review, and future treatments to book, each in a fixture file.
     */
    private int history(long firstPatient, int patients, int sessions, Path fixtures) throws Exception {
        int courses = 0;
        LocalDate from = today.minusYears(3);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, today.minusDays(60));
        Tables t = new Tables();
        try (t) {
            int made = 0;
            long patient = firstPatient;
            while (made < sessions && patient < firstPatient + patients) {
                int length = Math.min(1 + random.nextInt(4), sessions - made);
                LocalDate first = from.plusDays(random.nextInt(days));
                course(t, patient++, first, length, true, true);
                made += length;
                courses++;
            }
            int fixture = (int) Math.min(40_000, (firstPatient + patients - patient) / 4);
            if (fixture < 100) {
                throw new IllegalStateException("Too few patients left for the scenarios' fixtures: add patients");
            }
            long practitioner = practitioners.get(0);
            try (PrintWriter chart = writer(fixtures.resolve("chart.txt"));
                    PrintWriter sign = writer(fixtures.resolve("sign.txt"));
                    PrintWriter review = writer(fixtures.resolve("review.txt"));
                    PrintWriter book = writer(fixtures.resolve("book.txt"))) {
                for (int i = 0; i < fixture; i++) {
                    long[] open = openSession(t, patient++, practitioner, false);
                    chart.println(open[0] + " " + open[1] + " " + lots.get(0)[0] + " "
                            + java.math.BigDecimal.valueOf(lots.get(0)[1], 3).stripTrailingZeros().toPlainString()
                            + " " + template.areas().get(0)[3]);
                    sign.println(openSession(t, patient++, practitioner, true)[0]);
                    long reviewed = patient++;
                    Plan c = course(t, reviewed, today.minusDays(35), 1, false, false);
                    StringBuilder areas = new StringBuilder();
                    for (int a = 0; a < template.areas().size(); a++) {
                        areas.append(a == 0 ? "" : ",").append(c.firstArea() + a);
                    }
                    review.println(reviewed + " " + c.id() + " " + today + " " + areas);
                }
                // Treatments booked by reception or online: patients seen in consultation and screened eligible, one
                // treatment's length apart (the active protocol's) per generated practitioner (the demo clinic's own
                // have demo appointments ahead) from tomorrow, Monday to Friday 09:00 to 17:00. A patient comes round
                // again only after every other one, and no sooner than 60 days: past the interval between treatments.
                List<Long> diaries = practitioners.subList(practitioners.size() - BENCH_PRACTITIONERS,
                        practitioners.size());
                int minutes = (int) single("SELECT CAST(CAST(document AS jsonb) -> 'booking' -> 'treatmentMinutes' "
                        + "->> 'value' AS INTEGER) FROM protocol_version WHERE clinic_id = " + clinic + " AND active");
                int slots = 8 * 60 / minutes;
                int perDay = (int) Math.min((long) slots * diaries.size(), Math.max(1, courses / 60));
                LocalDate day = today;
                long bookable = firstPatient;
                for (int line = 0; line < 200_000; ) {
                    day = day.plusDays(1);
                    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        continue;
                    }
                    for (int k = 0; k < perDay; k++, line++) {
                        LocalDateTime start = day.atTime(9, 0).plusMinutes((long) minutes * (k / diaries.size()));
                        book.println(bookable + " " + diaries.get(k % diaries.size()) + " " + start);
                        bookable = bookable + 1 < firstPatient + courses ? bookable + 1 : firstPatient;
                    }
                }
            }
        }
        writeAudit(fixtures, courses, sessions);
        return courses;
    }

    private void writeAudit(Path fixtures, int courses, int sessions) throws IOException {
        // The outcome audit over about ten thousand signed sessions: as many days as hold them on average.
        int days = (int) Math.max(1, Math.round(10_000.0 * (365 * 3 - 60) / Math.max(1, sessions)));
        try (PrintWriter w = writer(fixtures.resolve("audit.txt"))) {
            w.println(today.minusDays(60 + days) + " " + today.minusDays(60));
        }
    }

    /** What a course's sessions refer to; the areas are numbered from {@code firstArea}. */
    private record Plan(long id, long firstArea, long screening, long consultation) {
    }

    /** A screening, consultation, mapped areas and plan. */
    private Plan consultation(Tables t, long patient, long practitioner, LocalDate on, int sessions) throws SQLException {
        long screening = id("screening");
        t.screening.row(screening, clinic, patient, 0, template.protocolId(), template.protocolVersion(),
                on, "LEGS", "ELIGIBLE", template.screeningResult(), at, BY);
        long consultation = id("consultation");
        t.consultation.row(consultation, clinic, patient, practitioner, on, "LEGS", screening, true, true, false,
                "NO_REFLUX", false, template.ceap(), "PROCEED", template.reasons(), at, BY);
        long firstArea = nextId.get("consultation_area");
        for (String[] a : template.areas()) {
            t.area.row(id("consultation_area"), consultation, a[0], a[1], a[2], a[3], a[4]);
        }
        long plan = id("treatment_plan");
        t.plan.row(plan, clinic, patient, consultation, template.protocolId(), template.protocolVersion(), sessions,
                42, template.plan(), template.quote(), template.currency(), template.total(), on.plusDays(30), at, BY);
        return new Plan(plan, firstArea, screening, consultation);
    }

    /** A course with {@code length} signed sessions from {@code first}, reviewed after the last one if asked. */
    private Plan course(Tables t, long patient, LocalDate first, int length, boolean reviewed, boolean anyone)
            throws SQLException {
        long practitioner = anyone ? practitioners.get(random.nextInt(practitioners.size())) : practitioners.get(0);
        Plan plan = consultation(t, patient, practitioner, first.minusDays(7), Math.max(length, 2));
        LocalDate day = first;
        long last = 0;
        LocalDate lastDay = day;
        for (int s = 0; s < length; s++) {
            last = session(t, patient, practitioner, plan, day, "SIGNED", 2 + random.nextInt(3));
            lastDay = day;
            day = day.plusDays(35 + random.nextInt(21));
        }
        LocalDate on = lastDay.plusDays(28 + random.nextInt(15));
        if (reviewed && random.nextInt(10) < 8 && on.isBefore(today)) {
            long review = id("review");
            t.review.row(review, clinic, patient, practitioner, plan.id(), last, on, 3 + random.nextInt(3),
                    random.nextInt(10) < 9, "C1", "C1", "DISCHARGE", on.plusMonths(12), at, BY);
            int[] steps = {50, 75, 75, 90, 90, 100};
            for (int a = 0; a < template.areas().size(); a++) {
                t.reviewArea.row(id("review_area"), review, plan.firstArea() + a, steps[random.nextInt(steps.length)], false);
            }
        }
        return plan;
    }

    /** Today's open session, with compression and reactions recorded and, when asked, one injection charted. */
    private long[] openSession(Tables t, long patient, long practitioner, boolean charted) throws SQLException {
        Plan plan = consultation(t, patient, practitioner, today.minusDays(14), 3);
        return new long[] {session(t, patient, practitioner, plan, today, "OPEN", charted ? 1 : 0), plan.firstArea()};
    }

    private long session(Tables t, long patient, long practitioner, Plan plan, LocalDate day, String status,
            int injections) throws SQLException {
        boolean signed = status.equals("SIGNED");
        long session = id("treatment_session");
        t.session.row(session, clinic, patient, practitioner, "Generated history", plan.id(), plan.consultation(),
                plan.screening(), day, template.protocolId(), template.protocolVersion(), 65, "",
                "LEGS_NOT_SHAVED,NO_MOISTURISER,HOSIERY_BROUGHT", "STOCKING", "THIGH", 14, 17, "UK", "NONE", status,
                signed ? at : null, signed ? BY : null, at, BY, at, BY, 0);
        for (int i = 0; i < injections; i++) {
            long[] lot = lots.get(random.nextInt(lots.size()));
            int area = i % template.areas().size();
            t.injection.row(id("session_injection"), session, i + 1, plan.firstArea() + area, "POLIDOCANOL", lot[0],
                    java.math.BigDecimal.valueOf(lot[1], 3), "LIQUID", "0.5", 30, template.areas().get(area)[3],
                    false, at, BY);
        }
        return session;
    }

    /** The history's tables, each streamed by one COPY while courses are generated. */
    private final class Tables implements AutoCloseable {
        final Copy screening = copy("screening (id, clinic_id, patient_id, history_version, protocol_id, "
                + "protocol_version, as_of, area, outcome, result, created_at, created_by)");
        final Copy consultation = copy("consultation (id, clinic_id, patient_id, practitioner_id, consulted_on, area, "
                + "screening_id, standing_examination, doppler_done, duplex_done, reflux_result, "
                + "visible_varicose_veins, ceap, derived_outcome, reasons, created_at, created_by)");
        final Copy area = copy("consultation_area (id, consultation_id, leg, region, aspect, vein_type, size)");
        final Copy plan = copy("treatment_plan (id, clinic_id, patient_id, consultation_id, protocol_id, "
                + "protocol_version, sessions, interval_days, plan, quote, currency, total, valid_until, created_at, "
                + "created_by)");
        final Copy session = copy("treatment_session (id, clinic_id, patient_id, practitioner_id, ad_hoc_reason, "
                + "plan_id, consultation_id, screening_id, session_date, protocol_id, protocol_version, weight_kg, "
                + "restrictions, checklist, compression_type, compression_length, compression_low_mmhg, "
                + "compression_high_mmhg, compression_standard, reactions, status, signed_at, signed_by, created_at, "
                + "created_by, updated_at, updated_by, version)");
        final Copy injection = copy("session_injection (id, session_id, seq, area_id, agent, lot_id, "
                + "concentration_percent, form, volume_ml, needle_gauge, vein_type, ultrasound, created_at, "
                + "created_by)");
        final Copy review = copy("review (id, clinic_id, patient_id, practitioner_id, plan_id, last_session_id, "
                + "reviewed_on, satisfaction, would_repeat, ceap_left, ceap_right, decision, recall_on, created_at, "
                + "created_by)");
        final Copy reviewArea = copy("review_area (id, review_id, area_id, clearance_percent, drained)");

        Tables() throws SQLException {
        }

        @Override
        public void close() throws SQLException {
            for (Copy c : List.of(screening, consultation, area, plan, session, injection, review, reviewArea)) {
                c.close();
            }
        }
    }

    /**
     * One COPY in PostgreSQL's text format, rows buffered and sent a megabyte at a time. Only one COPY can be open
     * on a connection, so each has its own.
     */
    private final class Copy implements AutoCloseable {
        private final Connection connection;
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(1 << 21);

        Copy(String target) throws SQLException {
            connection = DriverManager.getConnection(db.getMetaData().getURL(), System.getProperty("bench.user",
                    "postgres"), System.getProperty("bench.password", ""));
            try (Statement s = connection.createStatement()) {
                s.execute("SET synchronous_commit = off");
                s.execute("SET session_replication_role = replica");
            }
            in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> buffer.append("\\\\");
                            case '\t' -> buffer.append("\\t");
                            case '\n' -> buffer.append("\\n");
                            case '\r' -> buffer.append("\\r");
                            default -> buffer.append(ch);
                        }
                    }
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            if (buffer.length() > 1 << 20) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            in.endCopy();
            connection.close();
        }
    }

    private interface Load {
        void run() throws Exception;
    }

    /**
     * Drops a table's secondary indexes and exclusion constraints, loads it, and builds them again: one sorted build
     * is many times cheaper than maintaining them row by row (the exclusion constraint is checked as it is rebuilt).
     */
    private void withIndexesRebuilt(String table, Load load) throws Exception {
        List<String[]> constraints = new ArrayList<>();
        try (ResultSet rs = query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"
                + table + "'::regclass AND contype IN ('x', 'u')")) {
            while (rs.next()) {
                constraints.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String[]> indexes = new ArrayList<>();
        try (ResultSet rs = query("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = '" + table
                + "' AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = '" + table
                + "'::regclass)")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] c : constraints) {
            execute("ALTER TABLE " + table + " DROP CONSTRAINT " + c[0]);
        }
        for (String[] i : indexes) {
            execute("DROP INDEX " + i[0]);
        }
        load.run();
        for (String[] i : indexes) {
            execute(i[1]);
        }
        for (String[] c : constraints) {
            execute("ALTER TABLE " + table + " ADD CONSTRAINT " + c[0] + " " + c[1]);
        }
    }

    private long id(String table) {
        return nextId.merge(table, 1L, Long::sum) - 1;
    }

    private Copy copy(String target) throws SQLException {
        return new Copy(target);
    }

    private long single(String sql) throws SQLException {
        try (ResultSet rs = query(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String[] row(String sql, int columns) throws SQLException {
        try (ResultSet rs = query(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("Nothing found for: " + sql);
            }
            String[] r = new String[columns];
            for (int i = 0; i < columns; i++) {
                r[i] = rs.getString(i + 1);
            }
            return r;
        }
    }

    private ResultSet query(String sql) throws SQLException {
        return db.createStatement().executeQuery(sql);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static PrintWriter writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    private static void lap(String what, long count, long since) {
        System.out.printf("BENCH-DATA %s: %,d in %.1f s%n", what, count, (System.nanoTime() - since) / 1e9);
    }
}
