package org.venula.shared;

import java.util.Locale;

/** How codes read on a page: {@code TREAT_UNDERLYING_FIRST} becomes "Treat underlying first". */
public final class Labels {

    private Labels() {
    }

    public static String sentence(String code) {
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
