package org.venula.patient.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * total is counted only when the page is full, and only up to {@value #COUNT_CAP} (more is said as "more than").
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientSearch {

    /** How far a total is counted: a page says "more than" beyond it, and a receptionist narrows the search. */
    public static final int COUNT_CAP = 500;

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final JdbcClient jdbc;

    /** One page of ids in rank order, and how many match in all ({@code capped}: at least {@code total}). */
    public record Result(List<Long> ids, long total, boolean capped) {
    }

    /** A statement and its parameters, as run (and as the query-plan tests explain it). */
    record Sql(String text, Map<String, Object> params) {
    }

    public Result find(long clinicId, String query, int page, int size) {
        Sql ranked = pageSql(clinicId, query, page, size);
        List<Long> ids = jdbc.sql(ranked.text()).params(ranked.params()).query((rs, n) -> rs.getLong("id")).list();
        if (ids.size() < size && (page == 0 || !ids.isEmpty())) {
            return new Result(ids, (long) page * size + ids.size(), false); // the last page: nothing to count
        }
        Sql count = countSql(clinicId, query);
        long total = jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
        return new Result(ids, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /** The page's ids, best first. */
    Sql pageSql(long clinicId, String query, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinicId);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("reach", (long) (page + 1) * size);
        return new Sql(ranked(lookUps(query == null ? "" : query.trim(), params, ":reach"))
                + " ORDER BY tier, sort_key, id LIMIT :limit OFFSET :offset", params);
    }

    /** How many match, counted up to one more than {@link #COUNT_CAP}. */
    Sql countSql(long clinicId, String query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinicId);
        params.put("cap", COUNT_CAP + 1);
        return new Sql("SELECT COUNT(DISTINCT id) FROM ("
                + String.join(" UNION ALL ", lookUps(query == null ? "" : query.trim(), params, ":cap")) + ") found",
                params);
    }

    /** One ordered, limited index range per look-up: (id, tier, sort_key). */
    private static List<String> lookUps(String query, Map<String, Object> params, String limit) {
        String base = "SELECT id, %d AS tier, %s AS sort_key FROM patient WHERE clinic_id = :clinic%s ORDER BY %s, id"
                + " LIMIT " + limit;
        if (query.isEmpty()) {
            return List.of("(" + base.formatted(0, "name_key", "", "name_key") + ")");
        }
        Optional<LocalDate> date = parseDate(query);
        if (date.isPresent()) {
            params.put("dob", date.get());
            return List.of("(" + base.formatted(0, "name_key", " AND date_of_birth = :dob", "name_key") + ")");
        }
        Optional<String> nhs = NhsNumber.normalise(query);
        if (nhs.isPresent()) {
            params.put("nhs", nhs.get());
            return List.of("(" + base.formatted(0, "name_key", " AND nhs_number = :nhs", "name_key") + ")");
        }
        List<String> out = new ArrayList<>();
        List<NameSearch.Prefix> prefixes = NameSearch.of(query).prefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            NameSearch.Prefix p = prefixes.get(i);
            String column = p.key() == NameSearch.Key.FAMILY_FIRST ? "name_key" : "given_key";
            String order = p.rank() == NameSearch.Rank.GIVEN_NAME ? "given_key" : "name_key";
            params.put("from" + i, p.from());
            params.put("before" + i, p.before());
            params.put("like" + i, p.like());
            String range = " AND %1$s >= :from%2$d AND %1$s < :before%2$d AND %1$s LIKE :like%2$d ESCAPE '\\'"
                    .formatted(column, i);
            out.add("(" + base.formatted(p.rank().ordinal(), order, range, order) + ")");
        }
        return out;
    }

    /** Each patient once, at the best rank any look-up found them. */
    private static String ranked(List<String> lookUps) {
        return "SELECT id FROM (SELECT id, tier, sort_key, ROW_NUMBER() OVER (PARTITION BY id ORDER BY tier) AS nth"
                + " FROM (" + String.join(" UNION ALL ", lookUps) + ") found) ranked WHERE nth = 1";
    }

    private static Optional<LocalDate> parseDate(String query) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE)) {
            try {
                return Optional.of(LocalDate.parse(query, f));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
