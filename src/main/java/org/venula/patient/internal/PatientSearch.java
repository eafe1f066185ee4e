package org.venula.patient.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.patient.rules.NhsNumber;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Finds a clinic's patients by name (each word a prefix of the given or family name), by date of birth
 * (2026-11-22 or 22/11/2026) or by NHS number. Returns ids in name order, one page at a time.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientSearch {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final JdbcClient jdbc;

    public record Result(List<Long> ids, long total) {
    }

    public Result find(long clinicId, String query, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinicId);
        String where = "clinic_id = :clinic" + condition(query == null ? "" : query.trim(), params);
        long total = jdbc.sql("SELECT COUNT(*) FROM patient WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Long> ids = jdbc.sql("SELECT id FROM patient WHERE " + where
                        + " ORDER BY family_name, given_name, id LIMIT :limit OFFSET :offset")
                .params(params).query(Long.class).list();
        return new Result(ids, total);
    }

    private static String condition(String query, Map<String, Object> params) {
        if (query.isEmpty()) {
            return "";
        }
        Optional<LocalDate> date = parseDate(query);
        if (date.isPresent()) {
            params.put("dob", date.get());
            return " AND date_of_birth = :dob";
        }
        Optional<String> nhs = NhsNumber.normalise(query);
        if (nhs.isPresent()) {
            params.put("nhs", nhs.get());
            return " AND nhs_number = :nhs";
        }
        StringBuilder sql = new StringBuilder();
        List<String> words = new ArrayList<>(List.of(query.toLowerCase(Locale.ROOT).split("\\s+")));
        for (int i = 0; i < Math.min(words.size(), 4); i++) {
            String name = "w" + i;
            params.put(name, escapeLike(words.get(i)) + "%");
            sql.append(" AND (LOWER(given_name) LIKE :").append(name).append(" ESCAPE '\\'")
                    .append(" OR LOWER(family_name) LIKE :").append(name).append(" ESCAPE '\\')");
        }
        return sql.toString();
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

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
