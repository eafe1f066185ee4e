package org.venula.protocol.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.venula.protocol.ProtocolDocument.DecimalSetting;
import org.venula.protocol.ProtocolDocument.IntSetting;
import org.venula.shared.FieldProblem;

/**
 * The problems found in a protocol document so far, each naming its field by path, and the checks every section
 * makes of its values: a text that must be there, a whole number or a positive amount within bounds, with its source.
 */
final class FieldProblems {

    /** A code a clinic chooses for an item: upper-case letters, digits and {@code _}. */
    static final String CODE = "[A-Z][A-Z0-9_]*";

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String path, String message) {
        problems.add(new FieldProblem(path, message));
    }

    /**
     * Each item of a list, at {@code path[i]}: a missing item is required, a present one is checked by {@code check}
     * with its path, in the list's order.
     */
    <T> void eachPresent(String path, List<T> items, BiConsumer<String, T> check) {
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            T item = items.get(i);
            if (present(itemPath, item)) {
                check.accept(itemPath, item);
            }
        }
    }

    /** Whether a section or an item is there; if not, it is required. */
    boolean present(String path, Object value) {
        if (value == null) {
            add(path, "is required");
        }
        return value != null;
    }

    void text(String path, String value, int max) {
        if (value == null || value.isBlank()) {
            add(path, "is required");
        } else if (value.length() > max) {
            add(path, "must be at most " + max + " characters");
        }
    }

    /** The {@code source} of the value at {@code path}: up to 500 characters. */
    void source(String path, String value) {
        text(path + ".source", value, 500);
    }

    /**
     * A code that must match {@link #CODE} and appear once among {@code seen}; {@code invalid} and {@code twice} are
     * the section's words for each problem.
     */
    void uniqueCode(String path, String code, Set<String> seen, String invalid, String twice) {
        if (code == null || !code.matches(CODE)) {
            add(path, invalid);
        } else if (!seen.add(code)) {
            add(path, twice);
        }
    }

    void optional(String path, String value, int max) {
        if (value != null && value.length() > max) {
            add(path, "must be at most " + max + " characters");
        }
    }

    /** A whole-number setting from {@code min} to {@code max} with its source; its value, or null when missing. */
    Integer whole(String path, IntSetting s, int min, int max) {
        if (s == null || s.value() == null) {
            add(path + ".value", "is required");
            return null;
        }
        if (s.value() < min || s.value() > max) {
            add(path + ".value", "must be between " + min + " and " + max);
        }
        source(path, s.source());
        return s.value();
    }

    void positive(String path, BigDecimal value, int max) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            add(path, "must be above 0 and at most " + max);
        }
    }

    /** A positive amount up to {@code max} with its source; its value, or null when missing. */
    BigDecimal decimal(String path, DecimalSetting s, int max) {
        if (s == null) {
            add(path + ".value", "is required");
            return null;
        }
        positive(path + ".value", s.value(), max);
        source(path, s.source());
        return s.value();
    }

    /** The problems in the order they were found; the caller may add more. */
    List<FieldProblem> list() {
        return problems;
    }
}
