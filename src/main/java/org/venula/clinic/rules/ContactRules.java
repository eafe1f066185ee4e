package org.venula.clinic.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.venula.clinic.ClinicDetailsChange;
import org.venula.shared.FieldProblem;
import org.venula.shared.InputLimits;

/**
 * What a clinic's contact details must look like to be given to patients: a phone number a phone can dial (a UK or
 * international number, 7 to 15 digits), an e-mail address, a web address starting https:// or http://, and an
 * emergency number of 2 to 6 digits (999 or 112 in the UK). Every problem is reported.
 */
public final class ContactRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]{7,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMERGENCY = Pattern.compile("[0-9]{2,6}");

    private ContactRules() {
    }

    public static List<FieldProblem> check(ClinicDetailsChange c) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "name", c.name());
        text(problems, "address", c.address());
        text(problems, "phone", c.phone());
        text(problems, "email", c.email());
        text(problems, "website", c.website());
        text(problems, "emergencyNumber", c.emergencyNumber());
        text(problems, "regulatorPrompt", c.regulatorPrompt());
        if (!problems.isEmpty()) {
            return problems;
        }
        FieldProblem.required(problems, "version", c.version(), "is required: the version you loaded");
        if (blank(c.name())) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (c.name().trim().length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (!blank(c.address()) && c.address().trim().length() > 500) {
            problems.add(new FieldProblem("address", "must be at most 500 characters"));
        }
        if (!blank(c.phone())) {
            long digits = c.phone().chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(c.phone().trim()).matches() || digits < 7 || digits > 15) {
                problems.add(new FieldProblem("phone", "must be a phone number of 7 to 15 digits, such as 0161 496 0000"));
            }
        }
        if (!blank(c.email()) && (!EMAIL.matcher(c.email().trim()).matches() || c.email().trim().length() > 200)) {
            problems.add(new FieldProblem("email", "must be an e-mail address, such as reception@clinic.example"));
        }
        if (!blank(c.website()) && (!WEBSITE.matcher(c.website().trim()).matches() || c.website().trim().length() > 300)) {
            problems.add(new FieldProblem("website", "must be a web address starting with https://"));
        }
        if (blank(c.emergencyNumber()) || !EMERGENCY.matcher(c.emergencyNumber().trim()).matches()) {
            problems.add(new FieldProblem("emergencyNumber", "must be 2 to 6 digits, such as 999"));
        }
        if (blank(c.regulatorPrompt())) {
            problems.add(new FieldProblem("regulatorPrompt", "is required: how staff report a serious event"));
        } else if (c.regulatorPrompt().trim().length() > 500) {
            problems.add(new FieldProblem("regulatorPrompt", "must be at most 500 characters"));
        }
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value) {
        String problem = InputLimits.textProblem(value);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
