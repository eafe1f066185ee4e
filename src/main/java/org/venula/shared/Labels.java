package org.venula.shared;

import java.util.Locale;

/** How codes read on a page: {@code TREAT_UNDERLYING_FIRST} becomes "Treat underlying first". */
public final class Labels {

    private Labels() {
    }

    /** Abbreviations that stay in capitals: "DVT", not "Dvt". */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("DVT", "PE", "UK", "US", "RAL",
            "CEAP", "VCSS", "STS", "CO2", "O2", "NHS", "SVG", "CSV", "PDF");

    public static String sentence(String code) {
        String[] words = code.split("_");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String shown = ABBREVIATIONS.contains(w) ? w : w.toLowerCase(Locale.ROOT);
            if (i == 0 && !shown.isEmpty()) {
                shown = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
            }
            out.append(i == 0 ? "" : " ").append(shown);
        }
        return out.toString();
    }
}
