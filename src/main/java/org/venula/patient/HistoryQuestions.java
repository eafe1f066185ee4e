package org.venula.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.venula.shared.web.FormValues;

/** The medical-history questions in the order a clinician asks them, with the wording the pages use. */
public final class HistoryQuestions {

    public enum Kind { YES_NO, DATE, DUPLEX, MEDICATIONS, ALLERGIES, SKIN_TYPE }

    public record Question(String field, String label, String hint, Kind kind, Function<MedicalHistory, Object> value) {
    }

    public record Change(String label, String before, String after) {
    }

    public static final List<Question> ALL = List.of(
            new Question("pregnant", "Pregnant", null, Kind.YES_NO, MedicalHistory::pregnant),
            new Question("breastfeeding", "Breastfeeding", null, Kind.YES_NO, MedicalHistory::breastfeeding),
            new Question("currentInfection", "Current infection", "Including skin infection in the treatment area",
                    Kind.YES_NO, MedicalHistory::currentInfection),
            new Question("lastAntibioticsOn", "Antibiotics last taken on", "Leave empty if none recently",
                    Kind.DATE, MedicalHistory::lastAntibioticsOn),
            new Question("visibleVaricoseVeins", "Visible varicose veins", "Bulging veins of 3 mm or more, standing",
                    Kind.YES_NO, MedicalHistory::visibleVaricoseVeins),
            new Question("duplex", "Duplex / Doppler result", null, Kind.DUPLEX, MedicalHistory::duplex),
            new Question("acuteDvtOrPe", "Acute DVT or PE now", null, Kind.YES_NO, MedicalHistory::acuteDvtOrPe),
            new Question("previousDvtOrPe", "Previous DVT or PE", null, Kind.YES_NO, MedicalHistory::previousDvtOrPe),
            new Question("thrombophilia", "Thrombophilia", "A clot-prone condition such as factor V Leiden",
                    Kind.YES_NO, MedicalHistory::thrombophilia),
            new Question("activeCancer", "Active cancer", null, Kind.YES_NO, MedicalHistory::activeCancer),
            new Question("venousSkinChanges", "Venous skin changes", "Pigmentation, eczema or ulcers of the leg",
                    Kind.YES_NO, MedicalHistory::venousSkinChanges),
            new Question("lastThrombophlebitisOn", "Last thrombophlebitis on", "Inflamed leg vein",
                    Kind.DATE, MedicalHistory::lastThrombophlebitisOn),
            new Question("ableToWalk", "Able to walk", null, Kind.YES_NO, MedicalHistory::ableToWalk),
            new Question("lastHeartProblemOn", "Last heart problem on", null, Kind.DATE,
                    MedicalHistory::lastHeartProblemOn),
            new Question("lastLegSurgeryOn", "Last leg surgery or procedure on", null, Kind.DATE,
                    MedicalHistory::lastLegSurgeryOn),
            new Question("medications", "Medicines", null, Kind.MEDICATIONS, MedicalHistory::medications),
            new Question("sclerosantAllergies", "Sclerosant allergies", null, Kind.ALLERGIES,
                    MedicalHistory::sclerosantAllergies),
            new Question("migraineWithAura", "Migraine with aura", null, Kind.YES_NO, MedicalHistory::migraineWithAura),
            new Question("knownRightToLeftShunt", "Known right-to-left shunt", "For example a symptomatic PFO",
                    Kind.YES_NO, MedicalHistory::knownRightToLeftShunt),
            new Question("peripheralArterialDisease", "Peripheral arterial disease", null, Kind.YES_NO,
                    MedicalHistory::peripheralArterialDisease),
            new Question("poorlyControlledDiabetes", "Poorly controlled diabetes", null, Kind.YES_NO,
                    MedicalHistory::poorlyControlledDiabetes),
            new Question("fitzpatrickSkinType", "Fitzpatrick skin type", null, Kind.SKIN_TYPE,
                    MedicalHistory::fitzpatrickSkinType),
            new Question("plannedLongHaulFlightOn", "Planned long-haul flight on", null, Kind.DATE,
                    MedicalHistory::plannedLongHaulFlightOn));

    private HistoryQuestions() {
    }

    /** How an answer reads on a page: an unanswered question says so, it never reads as "No". */
    /** A missing date means no such event is recorded; a missing yes/no answer means the question was not asked. */
    public static String display(Kind kind, Object value) {
        if (value == null) {
            return kind == Kind.DATE ? "None recorded" : kind == Kind.SKIN_TYPE ? "Not recorded" : "Not asked";
        }
        if (kind == Kind.SKIN_TYPE) {
            return "Type " + value;
        }
        if (value instanceof java.time.LocalDate d) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "None" : String.join(", ", list.stream()
                    .map(x -> org.venula.shared.Labels.sentence(x.toString())).toList());
        }
        if (value instanceof Enum<?> e) {
            return org.venula.shared.Labels.sentence(e.name());
        }
        return value.toString();
    }

    public static List<Change> changes(MedicalHistory before, MedicalHistory after) {
        List<Change> out = new ArrayList<>();
        for (Question q : ALL) {
            Object a = before == null ? null : q.value().apply(before);
            Object b = q.value().apply(after);
            if (!Objects.equals(a, b)) {
                out.add(new Change(q.label(), before == null ? "—" : display(q.kind(), a), display(q.kind(), b)));
            }
        }
        return out;
    }

    /** Reads the history questions of a submitted page form; unreadable answers are reported by {@code form}. */
    public static MedicalHistory read(FormValues f) {
        return new MedicalHistory(f.bool("pregnant"), f.bool("breastfeeding"), f.bool("currentInfection"),
                f.date("lastAntibioticsOn"), f.bool("visibleVaricoseVeins"), f.enumValue("duplex", DuplexResult.class),
                f.bool("acuteDvtOrPe"), f.bool("previousDvtOrPe"), f.bool("thrombophilia"), f.bool("activeCancer"),
                f.bool("venousSkinChanges"), f.date("lastThrombophlebitisOn"), f.bool("ableToWalk"),
                f.date("lastHeartProblemOn"), f.date("lastLegSurgeryOn"), f.enumList("medications", Medication.class),
                f.enumList("sclerosantAllergies", Sclerosant.class), f.bool("migraineWithAura"),
                f.bool("knownRightToLeftShunt"), f.bool("peripheralArterialDisease"),
                f.bool("poorlyControlledDiabetes"), f.integer("fitzpatrickSkinType"),
                f.date("plannedLongHaulFlightOn"));
    }

    /** A history as page-form values, to pre-fill the questionnaire. */
    public static MultiValueMap<String, String> formValues(MedicalHistory h) {
        MultiValueMap<String, String> v = new LinkedMultiValueMap<>();
        for (Question q : ALL) {
            Object value = q.value().apply(h);
            if (value instanceof List<?> list) {
                list.forEach(item -> v.add(q.field(), item.toString()));
            } else {
                v.add(q.field(), value == null ? "" : value.toString());
            }
        }
        return v;
    }

    /** The answers as rows for display: label, wording, whether unanswered and whether it calls for attention. */
    public static List<java.util.Map<String, Object>> answers(MedicalHistory h) {
        return ALL.stream().map(q -> {
            Object value = q.value().apply(h);
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("label", q.label());
            row.put("text", display(q.kind(), value));
            row.put("unanswered", value == null && q.kind() == Kind.YES_NO);
            row.put("flag", value instanceof Boolean b && b && !"ableToWalk".equals(q.field())
                    || value instanceof List<?> l && !l.isEmpty()
                    || "ableToWalk".equals(q.field()) && Boolean.FALSE.equals(value));
            return row;
        }).toList();
    }
}
