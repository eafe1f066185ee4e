package org.venula.shared;

import java.util.List;
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

    /**
     * How a field's path reads beside an error on a page: "weightKg" becomes "Weight (kg)", "areaId" "Area",
     * "areas[0].clearancePercent" "Areas 1 clearance (%)".
     */
    public static String field(String path) {
        List<String> words = new java.util.ArrayList<>();
        for (String segment : path.split("\\.")) {
            java.util.regex.Matcher index = java.util.regex.Pattern.compile("^(.*)\\[(\\d+)]$").matcher(segment);
            String name = segment;
            String number = null;
            if (index.matches()) {
                name = index.group(1);
                number = Integer.toString(Integer.parseInt(index.group(2)) + 1);
            }
            for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])")) {
                words.add(switch (w) {
                    case "Kg" -> "(kg)";
                    case "Ml" -> "(mL)";
                    case "Percent" -> "(%)";
                    case "Mm" -> "(mm";
                    case "Hg" -> "Hg)";
                    case "Id" -> "";
                    default -> ABBREVIATIONS.contains(w.toUpperCase(Locale.ROOT)) ? w.toUpperCase(Locale.ROOT)
                            : w.toLowerCase(Locale.ROOT);
                });
            }
            if (number != null) {
                words.add(number);
            }
        }
        String joined = String.join(" ", words.stream().filter(w -> !w.isEmpty()).toList())
                .replace("(mm Hg)", "(mmHg)");
        return joined.isEmpty() ? joined : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
}
