package org.venula.patient.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.rules.NameSearch;
import org.venula.patient.rules.NhsNumber;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Finds a clinic's patients by name ({@link NameSearch}: exact surname, then surname prefix, then given name), by
 * date of birth (2026-11-22 or 22/11/2026) or by NHS number, a page at a time. Every look-up is a range of one
 * ordered index read until the page is full, so a page costs the same at a hundred patients and at a million; the
 * total is counted only when another page follows, from a bounded part of each range, and only up to
 * {@value #COUNT_CAP}: beyond what it could count it says "at least".
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientSearch {

    /** How far a total is counted: a page says "more than" beyond it, and a receptionist narrows the search. */
    public static final int COUNT_CAP = 500;

    /** How many entries of each look-up's range a count reads at most: enough to see past the cap. */
    static final int COUNT_BUDGET = COUNT_CAP + 1;

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UK_SHAPE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    private final JdbcClient jdbc;

    /** One page of ids in rank order, and how many match in all ({@code capped}: at least {@code total}). */
    public record Result(List<Long> ids, long total, boolean capped) {
    }

    /** A statement and its parameters, as run (and as the query-plan tests explain it). */
    record Sql(String text, Map<String, Object> params) {
    }

    public Result find(long clinicId, String query, int page, int size) {
        Sql ranked = pageSql(clinicId, query, page, size);
        List<Long> read = jdbc.sql(ranked.text()).params(ranked.params()).query((rs, n) -> rs.getLong("id")).list();
        List<Long> ids = read.size() > size ? List.copyOf(read.subList(0, size)) : read;
        long seen = (long) page * size + ids.size();
        if (read.size() <= size && (page == 0 || !ids.isEmpty())) {
            return new Result(ids, seen, false); // the last page: nothing more to count
        }
        Sql count = countSql(clinicId, query);
        Count counted = jdbc.sql(count.text()).params(count.params())
                .query((rs, n) -> new Count(rs.getLong("matches"), rs.getLong("exhausted") > 0)).single();
        // Past the last page nothing was seen: the count alone says how many there are.
        long atLeast = ids.isEmpty() ? counted.matches()
                : Math.max(counted.matches(), read.size() > size ? seen + 1 : seen);
        boolean capped = counted.exhausted() || atLeast > COUNT_CAP;
        return new Result(ids, Math.min(atLeast, COUNT_CAP), capped);
    }

    private record Count(long matches, boolean exhausted) {
    }

    /** The page's ids, best first, and one more to tell whether another page follows. */
    Sql pageSql(long clinicId, String query, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinicId);
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        params.put("reach", ((long) page + 1) * size + 1);
        return new Sql(ranked(lookUps(query == null ? "" : query.trim(), params, false))
                + " ORDER BY tier, sort_key, id LIMIT :limit OFFSET :offset", params);
    }

    /**
     * How many match, read from at most {@value #COUNT_BUDGET} entries of each look-up's range: {@code matches}
     * found there, and {@code exhausted} when a range held more, so that the count is "at least". A count costs at
     * most that many index entries a look-up, however many patients the clinic has.
     */
    Sql countSql(long clinicId, String query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinicId);
        params.put("budget", COUNT_BUDGET);
        return new Sql("WITH scanned AS (" + String.join(" UNION ALL ",
                lookUps(query == null ? "" : query.trim(), params, true)) + ") "
                + "SELECT (SELECT COUNT(DISTINCT id) FROM scanned WHERE hit) AS matches, "
                + "(SELECT COUNT(*) FROM (SELECT lookup FROM scanned GROUP BY lookup HAVING COUNT(*) >= :budget) r)"
                + " AS exhausted", params);
    }

    /**
     * One ordered, limited index range per look-up. For a page: (id, tier, sort_key) of the matches, in rank order,
     * as far as the page reaches. For a count: (id, hit, lookup) of the range's first entries in index order, each
     * marked whether it matches.
     */
    private static List<String> lookUps(String query, Map<String, Object> params, boolean count) {
        String base = count
                ? "SELECT id, %2$s AS hit, %1$d AS lookup FROM patient WHERE clinic_id = :clinic%4$s"
                        + " ORDER BY %3$s, id LIMIT :budget"
                : "SELECT id, %1$d AS tier, %3$s AS sort_key FROM patient WHERE clinic_id = :clinic%4$s%2$s"
                        + " ORDER BY %3$s, id LIMIT :reach";
        String always = count ? "TRUE" : "";
        if (NameSearch.words(query).isEmpty()) { // nothing but spaces and apostrophes: every patient
            return List.of("(" + base.formatted(0, always, "name_key", "") + ")");
        }
        Optional<LocalDate> date = parseDate(query);
        if (date.isPresent()) {
            params.put("dob", date.get());
            return List.of("(" + base.formatted(0, always, "name_key", " AND date_of_birth = :dob") + ")");
        }
        Optional<String> nhs = NhsNumber.normalise(query);
        if (nhs.isPresent()) {
            params.put("nhs", nhs.get());
            return List.of("(" + base.formatted(0, always, "name_key", " AND nhs_number = :nhs") + ")");
        }
        List<String> out = new ArrayList<>();
        List<NameSearch.Prefix> prefixes = NameSearch.of(query).prefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            NameSearch.Prefix p = prefixes.get(i);
            String column = p.key() == NameSearch.Key.FAMILY_FIRST ? "name_key" : "given_key";
            String order = p.rank() == NameSearch.Rank.GIVEN_NAME ? "given_key" : "name_key";
            params.put("from" + i, p.from());
            params.put("like" + i, p.like());
            String range = " AND %1$s >= :from%2$d".formatted(column, i);
            if (p.before() != null) {
                params.put("before" + i, p.before());
                range += " AND %1$s < :before%2$d".formatted(column, i);
            }
            String like = "%1$s LIKE :like%2$d ESCAPE '\\'".formatted(column, i);
            out.add("(" + (count ? base.formatted(i, "(" + like + ")", column, range)
                    : base.formatted(p.rank().ordinal(), " AND " + like, order, range)) + ")");
        }
        return out;
    }

    /** Each patient once, at the best rank any look-up found them. */
    private static String ranked(List<String> lookUps) {
        return "SELECT id FROM (SELECT id, tier, sort_key, ROW_NUMBER() OVER (PARTITION BY id ORDER BY tier) AS nth"
                + " FROM (" + String.join(" UNION ALL ", lookUps) + ") found) ranked WHERE nth = 1";
    }

    /**
     * A date of birth as 2026-11-22 or 22/11/2026. Only what looks like one is parsed: a parse that fails throws, and
     * most searches are names, where building that exception cost a tenth of a search.
     */
    private static Optional<LocalDate> parseDate(String query) {
        DateTimeFormatter format = ISO_SHAPE.matcher(query).matches() ? DateTimeFormatter.ISO_LOCAL_DATE
                : UK_SHAPE.matcher(query).matches() ? UK_DATE : null;
        if (format == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(query, format));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // 2026-02-30, say: no such day, so not a date of birth
        }
    }
}
