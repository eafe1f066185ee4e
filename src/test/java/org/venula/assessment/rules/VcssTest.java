package org.venula.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The revised VCSS for one leg: ten items of 0 to 3 added up; an item not recorded adds nothing. */
class VcssTest {

    @ParameterizedTest(name = "{0}: {11}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # leg                                         | pain | varicose | oedema | pigment | inflam. | indur. | ulcers | ulcer duration | ulcer size | compression | total
            a healthy leg scores zero                     | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
            thread veins with daily aching scores one     | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1
            varicose veins, some ankle swelling           | 1 | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 4
            haemosiderin staining and induration          | 2 | 2 | 2 | 2 | 1 | 1 | 0 | 0 | 0 | 1 | 11
            one ulcer open under three months, under 2 cm | 2 | 2 | 2 | 2 | 2 | 2 | 1 | 1 | 1 | 2 | 17
            ulcer over 6 cm open over a year scores three | 3 | 3 | 3 | 3 | 3 | 3 | 2 | 3 | 3 | 3 | 29
            the worst on every item scores thirty         | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 3 | 30
            items not recorded add nothing                | 2 | - | - | 1 | - | - | - | - | - | - | 3
            nothing recorded scores zero                  | - | - | - | - | - | - | - | - | - | - | 0
            """)
    void theScoreIsTheSumOfTheTenItems(String leg, Integer pain, Integer varicoseVeins, Integer venousOedema,
            Integer skinPigmentation, Integer inflammation, Integer induration, Integer activeUlcerNumber,
            Integer activeUlcerDuration, Integer activeUlcerSize, Integer compressionTherapy, int total) {
        Vcss vcss = new Vcss(pain, varicoseVeins, venousOedema, skinPigmentation, inflammation, induration,
                activeUlcerNumber, activeUlcerDuration, activeUlcerSize, compressionTherapy);

        assertThat(vcss.total()).as(leg).isEqualTo(total);
    }

    @ParameterizedTest(name = "item {0} is {1}")
    @CsvSource(textBlock = """
            0, pain
            1, varicoseVeins
            2, venousOedema
            3, skinPigmentation
            4, inflammation
            5, induration
            6, activeUlcerNumber
            7, activeUlcerDuration
            8, activeUlcerSize
            9, compressionTherapy
            """)
    void eachItemIsNamedInTheOrderItIsScored(int index, String name) {
        Integer[] scores = new Integer[10];
        scores[index] = 3;
        Vcss onlyThisItem = new Vcss(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6],
                scores[7], scores[8], scores[9]);

        assertThat(Vcss.ITEM_NAMES[index]).isEqualTo(name);
        assertThat(onlyThisItem.items()[index]).isEqualTo(3);
        assertThat(onlyThisItem.total()).isEqualTo(3);
    }
}
