package org.venula.patient.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The NHS number: ten digits whose last is a modulus-11 check digit over the first nine
 * (weights 10 down to 2; 11 minus the remainder, where 11 becomes 0 and 10 means the number is invalid).
 * Source: NHS Data Dictionary, "NHS Number".
 */
public final class NhsNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private NhsNumber() {
    }

    /** The ten digits with spaces and hyphens removed, or empty when the input is not ten digits. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(input).replaceAll("");
        return TEN_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalise(input).filter(NhsNumber::checkDigitMatches).isPresent();
    }

    private static boolean checkDigitMatches(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
