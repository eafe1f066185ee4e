package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AftercareCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            compression day and night for no days            | aftercare.instructions[0].days = 0        |
            compression day and night for a day before D     | aftercare.instructions[0].days = -1       | aftercare.instructions[0].days: must be between 0 and 3650
            walking daily for ten years                      | aftercare.instructions[2].days = 3650     |
            walking daily for ten years and a day            | aftercare.instructions[2].days = 3651     | aftercare.instructions[2].days: must be between 0 and 3650
            standing jobs longer than ten years              | aftercare.instructions[1].daysIfProlongedStanding = 3651 | aftercare.instructions[1].days: must be between 0 and 3650
            after foam for a day before D                    | aftercare.instructions[1].daysIfFoam = -1 | aftercare.instructions[1].days: must be between 0 and 3650
            daytime compression by vein type for no days     | aftercare.instructions[1].daysByVeinType.RETICULAR = 0    |
            daytime compression for a day before D           | aftercare.instructions[1].daysByVeinType.RETICULAR = -1   | aftercare.instructions[1].daysByVeinType.RETICULAR: must be between 0 and 3650
            daytime compression for a vein type that does not exist | aftercare.instructions[1].daysByVeinType.TRUNK = 7 | aftercare.instructions[1].daysByVeinType.TRUNK: is not a vein type
            an instruction with no days                      | aftercare.instructions[2].days = null     | aftercare.instructions[2].days: is required (or daysByVeinType)
            an instruction after one listed later            | aftercare.instructions[1].after = WALK_DAILY | aftercare.instructions[1].after: must name an instruction listed before this one
            an instruction after one listed before           | aftercare.instructions[2].after = COMPRESSION_DAYTIME |
            an instruction code in lower case                | aftercare.instructions[2].code = walk_daily  | aftercare.instructions[2].code: is required: upper case letters, digits and _
            the same instruction twice                       | aftercare.instructions[3].code = WALK_DAILY  | aftercare.instructions[3].code: appears twice
            an instruction without a source                  | aftercare.instructions[3].source = null      | aftercare.instructions[3].source: is required
            no instructions                                  | aftercare.instructions = []                  | aftercare.instructions: must list at least one instruction
            a review on the treatment day                    | aftercare.review.fromDays = 0; aftercare.review.toDays = 0 |
            a review window ending before it starts          | aftercare.review.fromDays = 42; aftercare.review.toDays = 41 | aftercare.review.toDays: must not be before fromDays (both 0 or more)
            a review window starting before D                | aftercare.review.fromDays = -1            | aftercare.review.toDays: must not be before fromDays (both 0 or more)
            a review window with no end                      | aftercare.review.toDays = null            | aftercare.review: needs fromDays and toDays, or fromMonths and toMonths
            result photos 3 to 3 months after                | aftercare.resultPhotosOtherwise.toMonths = 3 |
            result photos ending before they start           | aftercare.resultPhotosOtherwise.toMonths = 2 | aftercare.resultPhotosOtherwise.toMonths: must not be before fromMonths (both 0 or more)
            no window for photos of telangiectasia           | aftercare.resultPhotosTelangiectasiaOnly = null | aftercare.resultPhotosTelangiectasiaOnly: is required
            a review window without a source                 | aftercare.review.source = null            | aftercare.review.source: is required
            no aftercare section                             | aftercare = null                          | aftercare: is required
            """)
    void aftercareInstructionsAndWindows(String situation, String edits, String problems) {
        assertThat(problems(new AftercareCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}
