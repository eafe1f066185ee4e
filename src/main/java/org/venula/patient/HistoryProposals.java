package org.venula.patient;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.Patient;
import org.venula.patient.internal.PatientRows;
import org.venula.patient.internal.ProposalStore;
import org.venula.patient.rules.PatientRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The health questionnaire a patient answers in the portal, and a clinician's acceptance of it. The patient's
 * answers are kept apart from the medical history: only {@link #accept} (a clinician, after checking and editing
 * them) records a history version, which names the patient's answers as its source.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HistoryProposals {

    /** The questions a patient may say they are not sure about: every yes/no question of the history. */
    static final Set<String> YES_NO = Set.of("pregnant", "breastfeeding", "currentInfection", "visibleVaricoseVeins",
            "acuteDvtOrPe", "previousDvtOrPe", "thrombophilia", "activeCancer", "venousSkinChanges", "ableToWalk",
            "migraineWithAura", "knownRightToLeftShunt", "peripheralArterialDisease", "poorlyControlledDiabetes",
            "fitzpatrickSkinType");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ProposalStore store;
    private final PatientRows rows;
    private final MedicalHistories histories;
    private final ClinicPatients clinicPatients;
    private final AccessLog accessLog;

    /** What a patient saved or sent, and whether it made a new questionnaire (rather than changing the open one). */
    public record Saved(HistoryProposal proposal, boolean created) {
    }

    /** The patient's open questionnaire, for the patient in the portal (logged as their own view). */
    @Transactional
    public Optional<HistoryProposal> ownOpen(long clinicId, long patientId) {
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_QUESTIONNAIRE, null);
        return store.open(clinicId, patientId);
    }

    /** The patient's latest questionnaire of any state, for the portal's page (logged as their own view). */
    @Transactional
    public Optional<HistoryProposal> ownLatest(long clinicId, long patientId) {
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_QUESTIONNAIRE, null);
        return store.forPatient(clinicId, patientId, 1).stream().findFirst();
    }

    /** Saves the patient's answers so far (a draft); an answer sent already is changed only by sending again. */
    @Transactional
    public Saved saveDraft(long clinicId, long patientId, MedicalHistory answers, List<String> unsure) {
        return save(clinicId, patientId, answers, unsure, HistoryProposal.Status.DRAFT);
    }

    /** Sends the patient's answers to the clinic, to be checked by a clinician. */
    @Transactional
    public Saved submit(long clinicId, long patientId, MedicalHistory answers, List<String> unsure) {
        return save(clinicId, patientId, answers, unsure, HistoryProposal.Status.SUBMITTED);
    }

    private Saved save(long clinicId, long patientId, MedicalHistory sent, List<String> unsureSent,
            HistoryProposal.Status status) {
        Patient p = rows.find(clinicId, patientId).orElseThrow(() -> new NotFoundException("Patient " + patientId));
        List<String> unsure = unsureSent == null ? List.of() : unsureSent.stream().distinct().sorted().toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (sent == null) {
            problems.add(new FieldProblem("history", "is required"));
        } else {
            problems.addAll(clinicPatients.constraintProblems(sent));
            problems.addAll(PatientRules.checkHistory(sent, clinicPatients.clinics().today(clinicId),
                    p.dateOfBirth()));
            if (sent.duplex() != DuplexResult.NOT_DONE) {
                problems.add(new FieldProblem("duplex", "is recorded by the clinic from the scan, not in the "
                        + "questionnaire"));
            }
        }
        for (String u : unsure) {
            if (!YES_NO.contains(u)) {
                problems.add(new FieldProblem("unsure", "'" + u + "' is not a question you can be unsure of"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // a question the patient is unsure of is sent unanswered, never as a guess
        MedicalHistory answers = withoutUnsure(sent, unsure);
        OffsetDateTime now = clinicPatients.now();
        Optional<HistoryProposal> open = store.open(clinicId, patientId);
        AccessAction action = status == HistoryProposal.Status.SUBMITTED ? AccessAction.SUBMIT_QUESTIONNAIRE
                : AccessAction.SAVE_QUESTIONNAIRE;
        if (open.isEmpty()) {
            long id = store.insert(clinicId, patientId, status, answers, unsure, now);
            accessLog.recordByPortalPatient(clinicId, patientId, action, "questionnaire " + id);
            return new Saved(store.find(clinicId, patientId, id).orElseThrow(), true);
        }
        HistoryProposal current = open.get();
        if (status == HistoryProposal.Status.DRAFT && current.status() == HistoryProposal.Status.SUBMITTED) {
            throw new ConflictException("already-submitted", null, "These answers were sent to the clinic on "
                    + current.submittedAt().format(DAY) + ". To change them, send them again.");
        }
        if (!store.update(current.id(), current.version(), status, answers, unsure, now)) {
            throw ConflictException.staleVersion("Your answers");
        }
        accessLog.recordByPortalPatient(clinicId, patientId, action, "questionnaire " + current.id());
        return new Saved(store.find(clinicId, patientId, current.id()).orElseThrow(), false);
    }

    /** The patient's questionnaires for a clinician, newest first (drafts not yet sent are the patient's own). */
    @Transactional
    public List<HistoryProposal> forPatient(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        clinicPatients.load(me, patientId);
        accessLog.record(me.clinicId(), patientId, AccessAction.VIEW_QUESTIONNAIRE, null);
        return store.forPatient(me.clinicId(), patientId, 20).stream()
                .filter(q -> q.status() != HistoryProposal.Status.DRAFT).toList();
    }

    /** The questionnaire the patient has sent and nobody has accepted yet, for the chart (which logs its view). */
    public Optional<HistoryProposal> waiting(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        return store.open(me.clinicId(), patientId).filter(q -> q.status() == HistoryProposal.Status.SUBMITTED);
    }

    /** One sent questionnaire, for a clinician. */
    public HistoryProposal sent(VenulaPrincipal me, long patientId, long proposalId) {
        me.requireClinicalRecord();
        clinicPatients.load(me, patientId);
        return store.find(me.clinicId(), patientId, proposalId)
                .filter(q -> q.status() != HistoryProposal.Status.DRAFT)
                .orElseThrow(() -> new NotFoundException("Questionnaire " + proposalId));
    }

    /**
     * The history a clinician starts from when checking a questionnaire: the patient's answers where they gave one,
     * and what the clinic has recorded for the rest (the duplex result always, and every question the patient left
     * unanswered or was unsure of).
     */
    public MedicalHistory merged(VenulaPrincipal me, long patientId, long proposalId) {
        HistoryProposal q = sent(me, patientId, proposalId);
        MedicalHistory recorded = histories.current(me, patientId).history();
        MedicalHistory a = q.answers();
        return new MedicalHistory(or(a.pregnant(), recorded.pregnant()), or(a.breastfeeding(), recorded.breastfeeding()),
                or(a.currentInfection(), recorded.currentInfection()), or(a.lastAntibioticsOn(),
                recorded.lastAntibioticsOn()), or(a.visibleVaricoseVeins(), recorded.visibleVaricoseVeins()),
                recorded.duplex(), or(a.acuteDvtOrPe(), recorded.acuteDvtOrPe()),
                or(a.previousDvtOrPe(), recorded.previousDvtOrPe()), or(a.thrombophilia(), recorded.thrombophilia()),
                or(a.activeCancer(), recorded.activeCancer()), or(a.venousSkinChanges(), recorded.venousSkinChanges()),
                or(a.lastThrombophlebitisOn(), recorded.lastThrombophlebitisOn()),
                or(a.ableToWalk(), recorded.ableToWalk()), or(a.lastHeartProblemOn(), recorded.lastHeartProblemOn()),
                or(a.lastLegSurgeryOn(), recorded.lastLegSurgeryOn()), union(a.medications(), recorded.medications()),
                union(a.sclerosantAllergies(), recorded.sclerosantAllergies()),
                or(a.migraineWithAura(), recorded.migraineWithAura()),
                or(a.knownRightToLeftShunt(), recorded.knownRightToLeftShunt()),
                or(a.peripheralArterialDisease(), recorded.peripheralArterialDisease()),
                or(a.poorlyControlledDiabetes(), recorded.poorlyControlledDiabetes()),
                or(a.fitzpatrickSkinType(), recorded.fitzpatrickSkinType()),
                or(a.plannedLongHaulFlightOn(), recorded.plannedLongHaulFlightOn()));
    }

    /**
     * A clinician accepts the questionnaire: {@code checked} (the answers as the clinician edited them; null: the
     * {@link #merged} history as it is) becomes the next history version, whose note names the patient's answers as
     * its source, and the questionnaire records the version and who accepted it.
     */
    @Transactional
    public HistoryVersion accept(VenulaPrincipal me, long patientId, long proposalId, MedicalHistory checked,
            Integer basedOnVersion) {
        HistoryProposal q = sent(me, patientId, proposalId);
        if (q.status() != HistoryProposal.Status.SUBMITTED) {
            throw new ConflictException("already-accepted", null, "These answers were already accepted by "
                    + q.decidedBy() + " as version " + q.historyVersion() + " of the history.");
        }
        MedicalHistory history = checked == null ? merged(me, patientId, proposalId) : checked;
        HistoryVersion recorded = histories.record(me, patientId, history, basedOnVersion,
                "From the patient's own answers in the portal (sent " + q.submittedAt().format(DAY)
                        + "), checked and accepted by " + me.displayName());
        if (!store.accept(q.id(), q.version(), recorded.version(), clinicPatients.now(), me.getUsername())) {
            throw new ConflictException("already-accepted", null, "Someone has just accepted or changed these "
                    + "answers. Reload the page.");
        }
        accessLog.record(me.clinicId(), patientId, AccessAction.ACCEPT_QUESTIONNAIRE, "questionnaire " + q.id()
                + " as version " + recorded.version());
        return recorded;
    }

    private static MedicalHistory withoutUnsure(MedicalHistory h, List<String> unsure) {
        return new MedicalHistory(cut(h.pregnant(), unsure, "pregnant"), cut(h.breastfeeding(), unsure,
                "breastfeeding"), cut(h.currentInfection(), unsure, "currentInfection"), h.lastAntibioticsOn(),
                cut(h.visibleVaricoseVeins(), unsure, "visibleVaricoseVeins"), h.duplex(),
                cut(h.acuteDvtOrPe(), unsure, "acuteDvtOrPe"), cut(h.previousDvtOrPe(), unsure, "previousDvtOrPe"),
                cut(h.thrombophilia(), unsure, "thrombophilia"), cut(h.activeCancer(), unsure, "activeCancer"),
                cut(h.venousSkinChanges(), unsure, "venousSkinChanges"), h.lastThrombophlebitisOn(),
                cut(h.ableToWalk(), unsure, "ableToWalk"), h.lastHeartProblemOn(), h.lastLegSurgeryOn(),
                h.medications(), h.sclerosantAllergies(), cut(h.migraineWithAura(), unsure, "migraineWithAura"),
                cut(h.knownRightToLeftShunt(), unsure, "knownRightToLeftShunt"),
                cut(h.peripheralArterialDisease(), unsure, "peripheralArterialDisease"),
                cut(h.poorlyControlledDiabetes(), unsure, "poorlyControlledDiabetes"),
                cut(h.fitzpatrickSkinType(), unsure, "fitzpatrickSkinType"), h.plannedLongHaulFlightOn());
    }

    private static <T> T cut(T value, List<String> unsure, String field) {
        return unsure.contains(field) ? null : value;
    }

    private static <T> T or(T first, T otherwise) {
        return first != null ? first : otherwise;
    }

    private static <T extends Comparable<T>> List<T> union(List<T> a, List<T> b) {
        java.util.TreeSet<T> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
