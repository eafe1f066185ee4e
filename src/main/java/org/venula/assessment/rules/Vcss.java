package org.venula.assessment.rules;

/**
 * Revised Venous Clinical Severity Score for one leg: ten items scored 0 (none) to 3 (severe); total 0 to 30
 * (Vasquez 2010; domain.md §1.3).
 */
public record Vcss(Integer pain, Integer varicoseVeins, Integer venousOedema, Integer skinPigmentation,
        Integer inflammation, Integer induration, Integer activeUlcerNumber, Integer activeUlcerDuration,
        Integer activeUlcerSize, Integer compressionTherapy) {

    public Integer[] items() {
        return new Integer[] {pain, varicoseVeins, venousOedema, skinPigmentation, inflammation, induration,
                activeUlcerNumber, activeUlcerDuration, activeUlcerSize, compressionTherapy};
    }

    public static final String[] ITEM_NAMES = {"pain", "varicoseVeins", "venousOedema", "skinPigmentation",
            "inflammation", "induration", "activeUlcerNumber", "activeUlcerDuration", "activeUlcerSize",
            "compressionTherapy"};

    public int total() {
        int sum = 0;
        for (Integer i : items()) {
            sum += i == null ? 0 : i;
        }
        return sum;
    }
}
