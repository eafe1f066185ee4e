package org.venula.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.ConsultationRequest.AreaEntry;
import org.venula.assessment.ConsultationRequest.Ceap;
import org.venula.assessment.ConsultationRequest.CeapLeg;
import org.venula.assessment.ConsultationRequest.Override;
import org.venula.assessment.ConsultationRequest.VcssPerLeg;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.protocol.VeinType;
import org.venula.patient.DuplexResult;
import org.venula.screening.rules.Area;
import org.venula.shared.FieldProblem;

/** What makes a consultation record incomplete or impossible: each problem names its field. */
class ConsultationCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final CeapLeg C1_SYMPTOMATIC = new CeapLeg(ClinicalClass.C1, true, null, null, null);
    private static final AreaEntry LEFT_CALF_THREAD_VEINS = new AreaEntry(Leg.LEFT, Region.CALF, Aspect.MEDIAL,
            VeinType.TELANGIECTASIA, AreaSize.SMALL, null);

    /** Thread veins on the left calf, examined standing, no scan: complete. */
    private static ConsultationRequest threadVeinsNoScan() {
        return new ConsultationRequest(TODAY, Area.LEGS, null, true, false, false, null, null, false,
                new Ceap(C1_SYMPTOMATIC, C1_SYMPTOMATIC), null, List.of(), List.of(LEFT_CALF_THREAD_VEINS), null, null);
    }

    private static List<String> fields(ConsultationRequest r) {
        return ConsultationCheck.problems(r, TODAY).stream().map(FieldProblem::field).toList();
    }

    private static ConsultationRequest with(ConsultationRequest r, LocalDate consultedOn, Boolean doppler, Boolean duplex,
            DuplexResult reflux) {
        return new ConsultationRequest(consultedOn, r.area(), r.practitionerId(), r.standingExamination(), doppler, duplex,
                reflux, r.refluxSegments(), r.visibleVaricoseVeins(), r.ceap(), r.vcss(), r.symptoms(), r.areas(),
                r.notes(), r.override());
    }

    private static ConsultationRequest withText(String refluxSegments, String notes, Override override) {
        ConsultationRequest r = threadVeinsNoScan();
        return new ConsultationRequest(r.consultedOn(), r.area(), r.practitionerId(), r.standingExamination(),
                r.dopplerDone(), r.duplexDone(), r.refluxResult(), refluxSegments, r.visibleVaricoseVeins(), r.ceap(),
                r.vcss(), r.symptoms(), r.areas(), notes, override);
    }

    private static ConsultationRequest withCeap(Ceap ceap) {
        ConsultationRequest r = threadVeinsNoScan();
        return new ConsultationRequest(r.consultedOn(), r.area(), r.practitionerId(), r.standingExamination(),
                r.dopplerDone(), r.duplexDone(), r.refluxResult(), r.refluxSegments(), r.visibleVaricoseVeins(), ceap,
                r.vcss(), r.symptoms(), r.areas(), r.notes(), r.override());
    }

    private static ConsultationRequest withVcss(VcssPerLeg vcss) {
        ConsultationRequest r = threadVeinsNoScan();
        return new ConsultationRequest(r.consultedOn(), r.area(), r.practitionerId(), r.standingExamination(),
                r.dopplerDone(), r.duplexDone(), r.refluxResult(), r.refluxSegments(), r.visibleVaricoseVeins(), r.ceap(),
                vcss, r.symptoms(), r.areas(), r.notes(), r.override());
    }

    private static ConsultationRequest withAreas(List<AreaEntry> areas) {
        ConsultationRequest r = threadVeinsNoScan();
        return new ConsultationRequest(r.consultedOn(), r.area(), r.practitionerId(), r.standingExamination(),
                r.dopplerDone(), r.duplexDone(), r.refluxResult(), r.refluxSegments(), r.visibleVaricoseVeins(), r.ceap(),
                r.vcss(), r.symptoms(), areas, r.notes(), r.override());
    }

    @Test
    void threadVeinsExaminedStandingWithoutAScanAreComplete() {
        assertThat(ConsultationCheck.problems(threadVeinsNoScan(), TODAY)).isEmpty();
    }

    @ParameterizedTest(name = "consulted {0} day(s) from today: problem {1}")
    @CsvSource(textBlock = """
            -30, false
             -1, false
              0, false
              1, true
            """)
    void aConsultationCannotBeDatedTomorrow(int daysFromToday, boolean problem) {
        assertThat(fields(with(threadVeinsNoScan(), TODAY.plusDays(daysFromToday), false, false, null)).contains("consultedOn"))
                .isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                   | Doppler | duplex | reflux result      | problem with the reflux result
            no scan, no result                            | false   | false  | -                  | false
            no scan, result 'not done'                    | false   | false  | NOT_DONE           | false
            no scan but a reflux result                   | false   | false  | SUPERFICIAL_REFLUX | true
            hand-held Doppler without a result            | true    | false  | -                  | true
            hand-held Doppler, result 'not done'          | true    | false  | NOT_DONE           | true
            hand-held Doppler shows no reflux             | true    | false  | NO_REFLUX          | false
            duplex shows superficial reflux               | false   | true   | SUPERFICIAL_REFLUX | false
            duplex and Doppler show deep reflux           | true    | true   | DEEP_REFLUX        | false
            """)
    void aRefluxResultComesWithADopplerOrDuplexAndOnlyThen(String situation, boolean doppler, boolean duplex,
            DuplexResult reflux, boolean problem) {
        assertThat(fields(with(threadVeinsNoScan(), TODAY, doppler, duplex, reflux)).contains("refluxResult"))
                .as(situation).isEqualTo(problem);
    }

    @Test
    void everyYesNoQuestionOfTheExaminationMustBeAnswered() {
        ConsultationRequest unanswered = new ConsultationRequest(TODAY, Area.LEGS, null, null, null, null, null, null,
                null, new Ceap(C1_SYMPTOMATIC, C1_SYMPTOMATIC), null, List.of(), List.of(), null, null);

        assertThat(fields(unanswered)).containsExactly("standingExamination", "dopplerDone", "duplexDone",
                "visibleVaricoseVeins");
    }

    @ParameterizedTest(name = "{0} of {1} characters: problem {2}")
    @CsvSource(textBlock = """
            refluxSegments,   500, false
            refluxSegments,   501, true
            notes,           2000, false
            notes,           2001, true
            override.reason, 1000, false
            override.reason, 1001, true
            """)
    void freeTextHasALimit(String field, int length, boolean problem) {
        String text = "a".repeat(length);
        ConsultationRequest r = switch (field) {
            case "refluxSegments" -> withText(text, null, null);
            case "notes" -> withText(null, text, null);
            default -> withText(null, null, new Override(ConsultationOutcome.PROCEED, text));
        };

        assertThat(fields(r).contains(field)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                   | outcome                | reason                   | problems
            no override                                   | -                      | -                        | -
            override with its reason                      | PROCEED                | duplex normal last month | -
            override without an outcome                   | -                      | duplex normal last month | override.outcome
            override without a reason                     | REFER_ELSEWHERE        | -                        | override.reason
            override with a blank reason                  | REFER_ELSEWHERE        | '  '                     | override.reason
            """)
    void anOverrideOfTheDerivedOutcomeNeedsBothTheOutcomeAndTheReason(String situation, ConsultationOutcome outcome,
            String reason, String problems) {
        List<String> fields = fields(withText(null, null, new Override(outcome, reason)));

        assertThat(fields).as(situation).isEqualTo(problems == null ? List.of() : List.of(problems.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                   | clinical | symptomatic | etiology | pathophysiology | anatomy length | problem
            C1s, nothing else                             | C1       | true        | -        | -               | 0              | -
            C2a primary with reflux                       | C2       | false       | Ep       | Pr              | 0              | -
            C4c secondary, reflux and obstruction         | C4c      | true        | Es       | Pr,o            | 100            | -
            anatomy over 100 characters                   | C1       | true        | -        | -               | 101            | ceap.left.anatomy
            no clinical class                             | -        | true        | -        | -               | 0              | ceap.left.clinical
            symptoms not answered                         | C1       | -           | -        | -               | 0              | ceap.left.symptomatic
            an etiology CEAP does not have                | C1       | true        | Ex       | -               | 0              | ceap.left.etiology
            a pathophysiology CEAP does not have          | C1       | true        | -        | Pro             | 0              | ceap.left.pathophysiology
            """)
    void eachLegsCeapUsesOnlyCeapTerms(String situation, ClinicalClass clinical, Boolean symptomatic, String etiology,
            String pathophysiology, int anatomyLength, String problem) {
        CeapLeg left = new CeapLeg(clinical, symptomatic, etiology, anatomyLength == 0 ? null : "a".repeat(anatomyLength),
                pathophysiology);

        assertThat(fields(withCeap(new Ceap(left, C1_SYMPTOMATIC)))).as(situation)
                .isEqualTo(problem == null ? List.of() : List.of(problem));
    }

    @Test
    void ceapIsRequiredForBothLegs() {
        assertThat(fields(withCeap(null))).containsExactly("ceap");
        assertThat(fields(withCeap(new Ceap(C1_SYMPTOMATIC, null)))).containsExactly("ceap.right");
    }

    @ParameterizedTest(name = "pain scored {0}: problem {1}")
    @CsvSource(nullValues = "-", textBlock = """
            -1, true
             0, false
             3, false
             4, true
             -, true
            """)
    void eachVcssItemIsScoredNoneMildModerateOrSevere(Integer pain, boolean problem) {
        Vcss left = new Vcss(pain, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(fields(withVcss(new VcssPerLeg(left, null)))).isEqualTo(problem ? List.of("vcss.left.pain") : List.of());
    }

    @Test
    void aVcssOnlyPartlyScoredNamesEachMissingItem() {
        Vcss right = new Vcss(1, 2, null, 0, 0, 0, 0, 0, 0, null);

        assertThat(fields(withVcss(new VcssPerLeg(null, right))))
                .containsExactly("vcss.right.venousOedema", "vcss.right.compressionTherapy");
    }

    @ParameterizedTest(name = "{0} areas: problem {1}")
    @CsvSource(textBlock = """
             1, false
            40, false
            41, true
            """)
    void aLegMapHoldsAtMostFortyAreas(int count, boolean problem) {
        List<AreaEntry> areas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            areas.add(new AreaEntry(Leg.values()[i % 2], Region.values()[(i / 2) % 5], Aspect.values()[(i / 10) % 4],
                    VeinType.values()[i / 40], AreaSize.SMALL, "area " + i));
        }

        assertThat(fields(withAreas(areas))).isEqualTo(problem ? List.of("areas") : List.of());
    }

    @Test
    void theSameVeinTypeMappedTwiceOnOneAreaIsAProblemOnTheSecond() {
        AreaEntry reticularSameCalf = new AreaEntry(Leg.LEFT, Region.CALF, Aspect.MEDIAL, VeinType.RETICULAR,
                AreaSize.MEDIUM, null);

        assertThat(fields(withAreas(List.of(LEFT_CALF_THREAD_VEINS, reticularSameCalf)))).isEmpty();
        assertThat(fields(withAreas(List.of(LEFT_CALF_THREAD_VEINS, reticularSameCalf, LEFT_CALF_THREAD_VEINS))))
                .containsExactly("areas[2]");
    }

    @Test
    void anAreaNamesEachMissingPart() {
        AreaEntry blank = new AreaEntry(null, null, null, null, null, "x".repeat(501));
        List<AreaEntry> areas = new ArrayList<>(List.of(LEFT_CALF_THREAD_VEINS));
        areas.add(blank);
        areas.add(null);

        assertThat(fields(withAreas(Collections.unmodifiableList(areas)))).containsExactly("areas[1].leg",
                "areas[1].region", "areas[1].aspect", "areas[1].veinType", "areas[1].size", "areas[1].note", "areas[2]");
    }
}
