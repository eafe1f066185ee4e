package org.venula.clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.clinic.ClinicDetailsChange;
import org.venula.shared.FieldProblem;

/** The contact details a clinic gives its patients: what a phone can dial, an address that reaches someone. */
class ContactRulesTest {

    private static final ClinicDetailsChange GOOD = new ClinicDetailsChange(3, "Harbour Vein Clinic",
            "1 Harbour Road, Portsmouth PO1 2AB", "023 9200 0000", "reception@harbour.example",
            "https://harbour.example", "999", "Report serious events to the clinic lead and the MHRA Yellow Card scheme.",
            false);

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # field           | value                              | problem (empty: accepted)
            phone             | 023 9200 0000                      |
            phone             | +44 23 9200 0000                   |
            phone             | 123456                             | phone
            phone             | 1234567                            |
            phone             | 123456789012345                    |
            phone             | 1234567890123456                   | phone
            phone             | call us                            | phone
            phone             | NULL                               |
            email             | reception@harbour.example          |
            email             | reception at harbour               | email
            email             | reception@harbour                  | email
            website           | https://harbour.example            |
            website           | http://harbour.example/veins       |
            website           | harbour.example                    | website
            emergencyNumber   | 999                                |
            emergencyNumber   | 112                                |
            emergencyNumber   | 9                                  | emergencyNumber
            emergencyNumber   | 99                                 |
            emergencyNumber   | 999999                             |
            emergencyNumber   | 9999999                            | emergencyNumber
            emergencyNumber   | NULL                               | emergencyNumber
            name              | NULL                               | name
            name              | '   '                              | name
            regulatorPrompt   | NULL                               | regulatorPrompt
            """)
    void eachContactDetailIsCheckedAsAPatientWouldUseIt(String field, String value, String problem) {
        List<String> fields = ContactRules.check(with(field, value)).stream().map(FieldProblem::field).toList();
        if (problem == null) {
            assertThat(fields).isEmpty();
        } else {
            assertThat(fields).containsExactly(problem);
        }
    }

    @ParameterizedTest(name = "{0} of {1} characters -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            name            | 200 | false
            name            | 201 | true
            address         | 500 | false
            address         | 501 | true
            regulatorPrompt | 500 | false
            regulatorPrompt | 501 | true
            """)
    void lengthsStopAtTheLimitAndNoFurther(String field, int length, boolean refused) {
        assertThat(ContactRules.check(with(field, "a".repeat(length))).stream().map(FieldProblem::field))
                .containsExactlyElementsOf(refused ? List.of(field) : List.of());
    }

    @ParameterizedTest(name = "without the version loaded -> version")
    @CsvSource("unused")
    void aChangeNamesTheVersionItWasMadeFrom(String unused) {
        ClinicDetailsChange noVersion = new ClinicDetailsChange(null, GOOD.name(), GOOD.address(), GOOD.phone(),
                GOOD.email(), GOOD.website(), GOOD.emergencyNumber(), GOOD.regulatorPrompt(), false);
        assertThat(ContactRules.check(noVersion)).extracting(FieldProblem::field).containsExactly("version");
    }

    private static ClinicDetailsChange with(String field, String value) {
        ClinicDetailsChange g = GOOD;
        return new ClinicDetailsChange(g.version(), field.equals("name") ? value : g.name(),
                field.equals("address") ? value : g.address(), field.equals("phone") ? value : g.phone(),
                field.equals("email") ? value : g.email(), field.equals("website") ? value : g.website(),
                field.equals("emergencyNumber") ? value : g.emergencyNumber(),
                field.equals("regulatorPrompt") ? value : g.regulatorPrompt(), g.signNeedsPassword());
    }
}
