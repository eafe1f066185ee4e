package org.venula.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberTest {

    @ParameterizedTest(name = "{0} -> valid {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # number         | valid | why
            9434765919       | true  | published example
            943 476 5919     | true  | spaces as printed on NHS letters
            943-476-5919     | true  | hyphens
            9990079196       | true  | test range
            4010232137       | true  | check digit 7
            9434765918       | false | wrong check digit
            9434765910       | false | wrong check digit
            1000000010       | false | remainder 1 gives check 10: never issued
            943476591        | false | nine digits
            94347659190      | false | eleven digits
            94347659A9       | false | a letter
            ''               | false | empty
            null             | false | missing
            """)
    void checksTheModulus11Digit(String number, boolean valid, String why) {
        assertThat(NhsNumber.isValid(number)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"943 476 5919,9434765919", "943-476-5919,9434765919", "9434765919,9434765919"})
    void normalisesToTenDigits(String input, String digits) {
        assertThat(NhsNumber.normalise(input)).contains(digits);
    }
}
