package org.venula.patient;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The medical history that screening reads; the JSON names are those of the screening API.
 * A null yes/no answer means the question has not been asked: it never counts as "no".
 * {@code fitzpatrickSkinType} lives here and only here: it is a clinical assessment (screening reads it for the
 * pigmentation risk) and is versioned with the rest of the history. The patient's details only accept it, for
 * compatibility, and forward it here (see {@link PatientDraft}).
 */
public record MedicalHistory(
        Boolean pregnant,
        Boolean breastfeeding,
        Boolean currentInfection,
        @DateTimeFormat(iso = ISO.DATE) LocalDate lastAntibioticsOn,
        Boolean visibleVaricoseVeins,
        DuplexResult duplex,
        Boolean acuteDvtOrPe,
        Boolean previousDvtOrPe,
        Boolean thrombophilia,
        Boolean activeCancer,
        Boolean venousSkinChanges,
        @DateTimeFormat(iso = ISO.DATE) LocalDate lastThrombophlebitisOn,
        Boolean ableToWalk,
        @DateTimeFormat(iso = ISO.DATE) LocalDate lastHeartProblemOn,
        @DateTimeFormat(iso = ISO.DATE) LocalDate lastLegSurgeryOn,
        List<Medication> medications,
        List<Sclerosant> sclerosantAllergies,
        Boolean migraineWithAura,
        Boolean knownRightToLeftShunt,
        Boolean peripheralArterialDisease,
        Boolean poorlyControlledDiabetes,
        @Min(value = 1, message = "must be between 1 and 6") @Max(value = 6, message = "must be between 1 and 6")
        Integer fitzpatrickSkinType,
        @DateTimeFormat(iso = ISO.DATE) LocalDate plannedLongHaulFlightOn) {

    public MedicalHistory {
        duplex = duplex == null ? DuplexResult.NOT_DONE : duplex;
        medications = medications == null ? List.of()
                : medications.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        sclerosantAllergies = sclerosantAllergies == null ? List.of()
                : sclerosantAllergies.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** A history in which nothing has been asked yet. */
    public static MedicalHistory unanswered() {
        return new MedicalHistory(null, null, null, null, null, DuplexResult.NOT_DONE, null, null, null, null, null,
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null);
    }

    /** This history with another skin type (null: not recorded); every other answer unchanged. */
    public MedicalHistory withFitzpatrickSkinType(Integer skinType) {
        return new MedicalHistory(pregnant, breastfeeding, currentInfection, lastAntibioticsOn, visibleVaricoseVeins,
                duplex, acuteDvtOrPe, previousDvtOrPe, thrombophilia, activeCancer, venousSkinChanges,
                lastThrombophlebitisOn, ableToWalk, lastHeartProblemOn, lastLegSurgeryOn, medications,
                sclerosantAllergies, migraineWithAura, knownRightToLeftShunt, peripheralArterialDisease,
                poorlyControlledDiabetes, skinType, plannedLongHaulFlightOn);
    }

    /** This history with what an examination found: visible varicose veins and the scan; every other answer unchanged. */
    public MedicalHistory withExamination(Boolean varicoseVeins, DuplexResult scan) {
        return new MedicalHistory(pregnant, breastfeeding, currentInfection, lastAntibioticsOn, varicoseVeins,
                scan, acuteDvtOrPe, previousDvtOrPe, thrombophilia, activeCancer, venousSkinChanges,
                lastThrombophlebitisOn, ableToWalk, lastHeartProblemOn, lastLegSurgeryOn, medications,
                sclerosantAllergies, migraineWithAura, knownRightToLeftShunt, peripheralArterialDisease,
                poorlyControlledDiabetes, fitzpatrickSkinType, plannedLongHaulFlightOn);
    }

    /** How many yes/no questions are still unanswered. */
    public int unansweredCount() {
        Boolean[] answers = {pregnant, breastfeeding, currentInfection, visibleVaricoseVeins, acuteDvtOrPe,
                previousDvtOrPe, thrombophilia, activeCancer, venousSkinChanges, ableToWalk, migraineWithAura,
                knownRightToLeftShunt, peripheralArterialDisease, poorlyControlledDiabetes};
        int n = 0;
        for (Boolean a : answers) {
            if (a == null) {
                n++;
            }
        }
        return n;
    }
}
