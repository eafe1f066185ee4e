package org.venula.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.venula.patient.MedicalHistory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Medical histories for tests, written the way a clinician reads them: start from a history where every answer is
 * "no" (and the patient walks), then change answers with {@code "pregnant=true, lastAntibioticsOn=2026-11-09"}.
 * Lists take {@code +}: {@code "medications=TAMOXIFEN+DISULFIRAM"}.
 */
public final class Histories {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Histories() {
    }

    public static Map<String, Object> allNo() {
        Map<String, Object> h = new LinkedHashMap<>();
        for (String q : List.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins",
                "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges",
                "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease", "poorlyControlledDiabetes")) {
            h.put(q, false);
        }
        h.put("ableToWalk", true);
        h.put("duplex", "NOT_DONE");
        h.put("medications", List.of());
        h.put("sclerosantAllergies", List.of());
        return h;
    }

    public static MedicalHistory history(String changes) {
        return of(apply(allNo(), changes));
    }

    public static MedicalHistory of(Map<String, Object> answers) {
        return JSON.convertValue(answers, MedicalHistory.class);
    }

    public static Map<String, Object> apply(Map<String, Object> base, String changes) {
        Map<String, Object> h = new LinkedHashMap<>(base);
        if (changes == null || changes.isBlank() || changes.equals("-")) {
            return h;
        }
        for (String change : changes.split(",")) {
            String[] kv = change.trim().split("=", 2);
            String key = kv[0].trim();
            String value = kv[1].trim();
            if (key.equals("medications") || key.equals("sclerosantAllergies")) {
                h.put(key, new ArrayList<>(List.of(value.split("\\+"))));
            } else if (value.equals("true") || value.equals("false")) {
                h.put(key, Boolean.valueOf(value));
            } else if (value.equals("null")) {
                h.put(key, null);
            } else if (value.matches("\\d")) {
                h.put(key, Integer.valueOf(value));
            } else {
                h.put(key, value);
            }
        }
        return h;
    }
}
