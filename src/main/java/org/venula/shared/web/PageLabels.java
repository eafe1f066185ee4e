package org.venula.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.venula.shared.Labels;

/** Gives every page {@code ${label.of(code)}}: a code as it reads on a page ("TREAT_UNDERLYING_FIRST" → "Treat underlying first"). */
@ControllerAdvice(annotations = PageController.class)
class PageLabels {

    /** The function pages call. */
    public static final class Label {
        public String of(Object code) {
            return code == null ? "" : Labels.sentence(code.toString());
        }

        /** A field's path as it reads beside an error: "weightKg" → "Weight (kg)". */
        public String field(String path) {
            return path == null ? "" : Labels.field(path);
        }

        /** A percentage or volume without trailing zeros: 0.50 → 0.5. */
        public String num(java.math.BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }
    }

    private static final Label LABEL = new Label();

    @ModelAttribute("label")
    Label label() {
        return LABEL;
    }
}
