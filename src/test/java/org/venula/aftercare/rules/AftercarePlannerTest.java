package org.venula.aftercare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.aftercare.rules.AftercarePlanner.DateWindow;
import org.venula.aftercare.rules.AftercarePlanner.Facts;
import org.venula.aftercare.rules.AftercarePlanner.Instruction;
import org.venula.aftercare.rules.AftercarePlanner.Plan;
import org.venula.protocol.VeinType;
import org.venula.support.Presets;

/** Every preset's aftercare dates, read as a clinician would check them against the seed pages. */
class AftercarePlannerTest {

    private static Plan plan(String preset, String date, String veins, boolean foam, boolean standing) {
        return AftercarePlanner.plan(Presets.get(preset).aftercare(),
                new Facts(LocalDate.parse(date), Arrays.stream(veins.split("\\+")).map(VeinType::valueOf)
                        .collect(Collectors.toSet()), foam, standing));
    }

    private static Instruction instruction(Plan plan, String code) {
        return plan.instructions().stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0} {1} {2} foam={3} standing={4}: {5} {6}..{7}")
    @CsvSource(textBlock = """
            # preset,         D,          veins,                     foam,  standing, code,                        from,       until
            standard,           2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAY_AND_NIGHT,   2026-12-01, 2026-12-03
            standard,           2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAYTIME,         2026-12-04, 2026-12-08
            standard,           2026-12-01, TELANGIECTASIA+RETICULAR,  false, false, COMPRESSION_DAYTIME,         2026-12-04, 2026-12-15
            standard,           2026-12-01, VARICOSE_TRIBUTARY,        true,  false, COMPRESSION_DAYTIME,         2026-12-04, 2026-12-15
            standard,           2026-12-01, TELANGIECTASIA,            false, true,  COMPRESSION_DAYTIME,         2026-12-04, 2026-12-29
            standard,           2026-12-01, TELANGIECTASIA,            false, false, WALK_DAILY,                  2026-12-01, 2026-12-08
            standard,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_HEAT,                  2026-12-01, 2026-12-08
            standard,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_HIGH_IMPACT_EXERCISE,  2026-12-01, 2026-12-08
            standard,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_SUN_ON_TREATED_SKIN,   2026-12-01, 2026-12-29
            standard,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_LONG_HAUL_FLIGHTS,     2026-12-01, 2026-12-08
            standard,           2028-02-27, TELANGIECTASIA,            false, false, COMPRESSION_DAY_AND_NIGHT,   2028-02-27, 2028-02-29
            standard,           2028-02-27, TELANGIECTASIA,            false, false, COMPRESSION_DAYTIME,         2028-03-01, 2028-03-05
            standard,           2027-02-27, TELANGIECTASIA,            false, false, COMPRESSION_DAYTIME,         2027-03-02, 2027-03-06
            standard,           2026-12-31, RETICULAR,                 false, false, AVOID_SUN_ON_TREATED_SKIN,   2026-12-31, 2027-01-28
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAY_AND_NIGHT,   2026-12-01, 2026-12-04
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAYTIME,         2026-12-05, 2026-12-15
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, AVOID_HEAT,                  2026-12-01, 2026-12-15
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, AVOID_SUN_ON_TREATED_SKIN,   2026-12-01, 2026-12-29
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, AVOID_HIGH_IMPACT_EXERCISE,  2026-12-01, 2026-12-08
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, ELEVATE_LEGS,                2026-12-01, 2026-12-15
            bas-guide,          2026-12-01, TELANGIECTASIA,            false, false, AVOID_LONG_HAUL_FLIGHTS,     2026-12-01, 2027-01-12
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAY_AND_NIGHT,   2026-12-01, 2026-12-04
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAYTIME,         2026-12-05, 2026-12-08
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, WALK_DAILY,                  2026-12-01, 2026-12-08
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_HEAT,                  2026-12-01, 2026-12-08
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_SUN_ON_TREATED_SKIN,   2026-12-01, 2027-01-12
            one-week,           2026-12-01, TELANGIECTASIA,            false, false, AVOID_AIR_TRAVEL,            2026-12-01, 2026-12-29
            continuous-21-days, 2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_DAY_AND_NIGHT,   2026-12-01, 2026-12-22
            continuous-21-days, 2028-02-20, RETICULAR,                 false, false, COMPRESSION_DAY_AND_NIGHT,   2028-02-20, 2028-03-12
            short-course,       2026-12-01, TELANGIECTASIA,            false, false, AVOID_PROLONGED_STANDING,    2026-12-01, 2026-12-01
            short-course,       2026-12-01, TELANGIECTASIA,            false, false, COMPRESSION_STOCKINGS,       2026-12-01, 2026-12-08
            short-course,       2026-12-01, TELANGIECTASIA,            false, false, AVOID_HEAT,                  2026-12-01, 2026-12-04
            short-course,       2026-12-01, TELANGIECTASIA,            false, false, AVOID_HIGH_IMPACT_EXERCISE,  2026-12-01, 2026-12-08
            short-course,       2026-12-01, TELANGIECTASIA,            false, false, AVOID_SUN_ON_TREATED_SKIN,   2026-12-01, 2027-01-12
            graduated-by-vein-type, 2026-12-01, RETICULAR,             false, true,  COMPRESSION_DAYTIME,         2026-12-04, 2026-12-29
            """)
    void instructionDates(String preset, String date, String veins, boolean foam, boolean standing, String code,
            LocalDate from, LocalDate until) {
        Instruction i = instruction(plan(preset, date, veins, foam, standing), code);
        assertThat(i).as(code).isNotNull();
        assertThat(i.from()).isEqualTo(from);
        assertThat(i.until()).isEqualTo(until);
    }

    @ParameterizedTest(name = "{0} {1} {2}: review {3}..{4}, photos {5}..{6}")
    @CsvSource(textBlock = """
            standard,  2026-12-01, TELANGIECTASIA,           2026-12-29, 2027-01-12, 2027-01-26, 2027-02-23
            standard,  2026-12-01, TELANGIECTASIA+RETICULAR, 2026-12-29, 2027-01-12, 2027-03-01, 2027-06-01
            standard,  2026-11-30, RETICULAR,                2026-12-28, 2027-01-11, 2027-02-28, 2027-05-30
            standard,  2027-11-30, VARICOSE_TRIBUTARY,       2027-12-28, 2028-01-11, 2028-02-29, 2028-05-30
            standard,  2026-08-31, RETICULAR,                2026-09-28, 2026-10-12, 2026-11-30, 2027-02-28
            bas-guide, 2026-12-31, TELANGIECTASIA,           2027-01-28, 2027-02-11, 2027-02-28, 2027-03-31
            one-week,  2026-12-01, TELANGIECTASIA,           2026-12-29, 2027-01-12, 2027-01-26, 2027-02-23
            """)
    void reviewAndResultPhotoWindows(String preset, String date, String veins, LocalDate reviewFrom,
            LocalDate reviewUntil, LocalDate photosFrom, LocalDate photosUntil) {
        Plan p = plan(preset, date, veins, false, false);
        assertThat(p.review()).isEqualTo(new DateWindow(reviewFrom, reviewUntil));
        assertThat(p.resultPhotos()).isEqualTo(new DateWindow(photosFrom, photosUntil));
    }

    @Test
    void theStandardPlanListsItsInstructionsInOrderAndFoamAddsNothing() {
        Plan liquid = plan("standard", "2026-12-01", "TELANGIECTASIA", false, false);
        Plan foam = plan("standard", "2026-12-01", "TELANGIECTASIA", true, false);
        assertThat(liquid.instructions()).extracting(Instruction::code).containsExactly("COMPRESSION_DAY_AND_NIGHT",
                "COMPRESSION_DAYTIME", "WALK_DAILY", "AVOID_HEAT", "AVOID_HIGH_IMPACT_EXERCISE",
                "AVOID_SUN_ON_TREATED_SKIN", "AVOID_LONG_HAUL_FLIGHTS");
        assertThat(foam).isEqualTo(liquid);
        assertThat(instruction(liquid, "COMPRESSION_DAYTIME").milestone()).isEqualTo("Stockings off");
    }

    @Test
    void aContinuousRegimeHasOneCompressionInstructionEndingWithStockingsOffOnDay22() {
        Plan p = plan("continuous-21-days", "2026-12-01", "TELANGIECTASIA", false, false);
        assertThat(p.instructions()).extracting(Instruction::code).doesNotContain("COMPRESSION_DAYTIME");
        Instruction c = instruction(p, "COMPRESSION_DAY_AND_NIGHT");
        assertThat(c.until().plusDays(1)).isEqualTo(LocalDate.parse("2026-12-22").plusDays(1));
        assertThat(c.milestone()).isEqualTo("Stockings off");
    }
}
