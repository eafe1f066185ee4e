package org.venula.patient.rules;

import java.util.Optional;

/**
 * The NHS number: ten digits whose last is a modulus-11 check digit over the first nine
 * (weights 10 down to 2; 11 minus the remainder, where 11 becomes 0 and 10 means the number is invalid).
 * Source: NHS Data Dictionary, "NHS Number".
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The ten digits with spaces and hyphens removed, or empty when the input is not ten digits. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s-]", "");
        return digits.matches("\\d{10}") ? Optional.of(digits) : Optional.empty();
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
