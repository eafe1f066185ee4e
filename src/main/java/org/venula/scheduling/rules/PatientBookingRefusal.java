package org.venula.scheduling.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.venula.shared.Refusal;

/**
 * A booking or cancellation a patient asked for in the portal and the clinic's rules refuse, said to the patient in
 * plain words: a pathway rule (consultation first, a current clearance, the interval between sessions), a kind of
 * appointment the clinic does not let patients book online, or a change inside the notice period. The clinic's
 * phone is given wherever calling is the way on.
 */
public record PatientBookingRefusal(String code, String summary, List<String> rules, LocalDate until, String phone)
        implements Refusal {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** The pathway rules broken, in the patient's words (the first rule leads). */
    public static PatientBookingRefusal of(PathwayRuleBroken broken, String phone) {
        List<PathwayRules.Broken> all = broken.broken();
        PathwayRules.Broken first = all.get(0);
        LocalDate until = all.stream().filter(b -> b.rule() == PathwayRules.Rule.NOT_ELIGIBLE_UNTIL)
                .map(PathwayRules.Broken::until).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new PatientBookingRefusal("pathway-rule", words(first.rule(), until, phone),
                all.stream().map(b -> b.rule().name()).toList(), until, phone);
    }

    public static PatientBookingRefusal notOnline(String what, String phone) {
        return new PatientBookingRefusal("not-bookable-online", "The clinic books " + what + " itself: please "
                + call(phone) + ".", List.of(), null, phone);
    }

    public static PatientBookingRefusal tooLate(int hours, String phone) {
        return new PatientBookingRefusal("notice-period", "This appointment is less than " + hours + " hours away, "
                + "so it can no longer be changed online: please " + call(phone) + ".", List.of(), null, phone);
    }

    private static String words(PathwayRules.Rule rule, LocalDate until, String phone) {
        return switch (rule) {
            case OUTSIDE_WORKING_HOURS -> "That time is not free. Please choose one of the times shown.";
            case CONSULTATION_REQUIRED -> "A treatment can be booked only after your consultation, on another day. "
                    + "Please book a consultation first.";
            case CLEARANCE_REQUIRED -> "A treatment can be booked once a clinician has gone through your health with "
                    + "you at your consultation and cleared you for it. If you have had your consultation, please "
                    + call(phone) + ".";
            case NOT_ELIGIBLE_UNTIL -> until == null ? "Treatment cannot be booked yet: the clinician will tell you "
                    + "when it can. Please " + call(phone) + "."
                    : "Treatment cannot go ahead before " + DAY.format(until) + ". Please choose a date from then.";
            case INTERVAL_TOO_SHORT -> "That is too soon after another treatment session: sessions need some weeks "
                    + "between them. Please choose a later date.";
        };
    }

    private static String call(String phone) {
        return phone == null ? "contact the clinic" : "call the clinic on " + phone;
    }

    @Override
    public String title() {
        return code.equals("pathway-rule") ? "Pathway rule" : code.equals("notice-period") ? "Too late to change online"
                : "Not bookable online";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("patientMessage", summary);
        if (!rules.isEmpty()) {
            facts.put("rule", rules.get(0));
            facts.put("rules", rules);
        }
        if (until != null) {
            facts.put("until", until.toString());
        }
        facts.put("clinicPhone", phone);
        return facts;
    }
}
