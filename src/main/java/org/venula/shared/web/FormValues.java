package org.venula.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.venula.shared.InputLimits;

import lombok.RequiredArgsConstructor;

/**
 * Reads a submitted page form field by field, so that every value that cannot be read is reported beside its
 * field (and the form is shown again with what the user typed), rather than failing the whole request.
 */
@RequiredArgsConstructor
public class FormValues {

    private final MultiValueMap<String, String> form;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Map<String, String> errors() {
        return errors;
    }

    public String text(String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public Boolean bool(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> fail(name, "choose yes or no");
        };
    }

    public LocalDate date(String name) {
        String v = text(name);
        try {
            return v == null ? null : InputLimits.date(v);
        } catch (IllegalArgumentException e) {
            return fail(name, e.getCause() instanceof DateTimeParseException ? "is not a valid date" : e.getMessage());
        }
    }

    public Integer integer(String name) {
        String v = text(name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return fail(name, "must be a whole number");
        }
    }

    public BigDecimal decimal(String name) {
        String v = text(name);
        try {
            return v == null ? null : new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            return fail(name, "must be a number");
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = text(name);
        try {
            return v == null ? null : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fail(name, "is not one of the choices");
        }
    }

    public <E extends Enum<E>> List<E> enumList(String name, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String v : form.getOrDefault(name, List.of())) {
            if (v != null && !v.isBlank()) {
                try {
                    out.add(Enum.valueOf(type, v));
                } catch (IllegalArgumentException e) {
                    fail(name, "is not one of the choices");
                }
            }
        }
        return out;
    }

    private <T> T fail(String name, String message) {
        errors.putIfAbsent(name, message);
        return null;
    }
}
