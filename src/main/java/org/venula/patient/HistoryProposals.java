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
            long id;
            try {
                id = store.insert(clinicId, patientId, status, answers, unsure, now);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException("duplicate", null, "Your answers were saved from another window at the "
                        + "same moment. Reload the page.");
            }
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
     * The history a clinician starts from when checking a questionnaire. It never lets the patient's answers quietly
     * undo what the clinic recorded: the duplex result is the record's; a lasting finding the record says yes to
     * (a previous clot, a clotting condition, a shunt, arterial disease, venous skin changes) stays yes; of two dates
     * of the same event the later is kept; the clinician's skin type stands; medicines and allergies are the union.
     * A question the patient was not sure of is left unanswered, so the clinician must ask it; one the patient left
     * unanswered keeps the recorded answer. {@link #differences} lists where the two disagree, for the review page.
     */
    public MedicalHistory merged(VenulaPrincipal me, long patientId, long proposalId) {
        HistoryProposal q = sent(me, patientId, proposalId);
        MedicalHistory r = histories.current(me, patientId).history();
        MedicalHistory a = q.answers();
        List<String> u = q.unsure();
        return new MedicalHistory(now(a.pregnant(), r.pregnant(), u, "pregnant"),
                now(a.breastfeeding(), r.breastfeeding(), u, "breastfeeding"),
                now(a.currentInfection(), r.currentInfection(), u, "currentInfection"),
                later(a.lastAntibioticsOn(), r.lastAntibioticsOn()),
                now(a.visibleVaricoseVeins(), r.visibleVaricoseVeins(), u, "visibleVaricoseVeins"), r.duplex(),
                now(a.acuteDvtOrPe(), r.acuteDvtOrPe(), u, "acuteDvtOrPe"),
                lasting(a.previousDvtOrPe(), r.previousDvtOrPe(), u, "previousDvtOrPe"),
                lasting(a.thrombophilia(), r.thrombophilia(), u, "thrombophilia"),
                now(a.activeCancer(), r.activeCancer(), u, "activeCancer"),
                lasting(a.venousSkinChanges(), r.venousSkinChanges(), u, "venousSkinChanges"),
                later(a.lastThrombophlebitisOn(), r.lastThrombophlebitisOn()),
                now(a.ableToWalk(), r.ableToWalk(), u, "ableToWalk"),
                later(a.lastHeartProblemOn(), r.lastHeartProblemOn()),
                later(a.lastLegSurgeryOn(), r.lastLegSurgeryOn()), union(a.medications(), r.medications()),
                union(a.sclerosantAllergies(), r.sclerosantAllergies()),
                now(a.migraineWithAura(), r.migraineWithAura(), u, "migraineWithAura"),
                lasting(a.knownRightToLeftShunt(), r.knownRightToLeftShunt(), u, "knownRightToLeftShunt"),
                lasting(a.peripheralArterialDisease(), r.peripheralArterialDisease(), u, "peripheralArterialDisease"),
                now(a.poorlyControlledDiabetes(), r.poorlyControlledDiabetes(), u, "poorlyControlledDiabetes"),
                r.fitzpatrickSkinType() != null ? r.fitzpatrickSkinType()
                        : u.contains("fitzpatrickSkinType") ? null : a.fitzpatrickSkinType(),
                a.plannedLongHaulFlightOn() != null ? a.plannedLongHaulFlightOn() : r.plannedLongHaulFlightOn());
    }

    /** Where the patient's answers differ from the recorded history (the record first, then the patient's). */
    public List<HistoryQuestions.Change> differences(VenulaPrincipal me, long patientId, long proposalId) {
        HistoryProposal q = sent(me, patientId, proposalId);
        HistoryVersion recorded = histories.current(me, patientId);
        if (recorded.version() == 0) {
            return List.of();
        }
        MedicalHistory theirs = q.answers();
        // the scan and unanswered questions are not the patient's to differ on
        MedicalHistory shown = recorded.history();
        return HistoryQuestions.changes(shown, theirs).stream()
                .filter(c -> !c.after().equals(HistoryQuestions.display(HistoryQuestions.Kind.YES_NO, null)))
                .filter(c -> !c.label().startsWith("Duplex"))
                .toList();
    }

    /** A state that can change (pregnant, an infection now): the patient's answer, unless they were not sure. */
    private static Boolean now(Boolean theirs, Boolean recorded, List<String> unsure, String field) {
        return unsure.contains(field) ? null : theirs != null ? theirs : recorded;
    }

    /** A lasting finding: a recorded yes stays yes whatever the patient answers; not sure is asked again. */
    private static Boolean lasting(Boolean theirs, Boolean recorded, List<String> unsure, String field) {
        if (Boolean.TRUE.equals(recorded)) {
            return Boolean.TRUE;
        }
        return now(theirs, recorded, unsure, field);
    }

    private static java.time.LocalDate later(java.time.LocalDate theirs, java.time.LocalDate recorded) {
        return theirs == null ? recorded : recorded == null || theirs.isAfter(recorded) ? theirs : recorded;
    }

    /**
     * A clinician accepts the questionnaire: {@code checked} (the answers as the clinician edited them; null: the
     * {@link #merged} history as it is) becomes the next history version, whose note names the patient's answers as
     * its source, and the questionnaire records the version and who accepted it. {@code questionnaireVersion}, the
     * questionnaire's version the clinician checked (the page always sends it), refuses answers sent again meanwhile.
     */
    @Transactional
    public HistoryVersion accept(VenulaPrincipal me, long patientId, long proposalId, MedicalHistory checked,
            Integer basedOnVersion, Integer questionnaireVersion) {
        HistoryProposal q = sent(me, patientId, proposalId);
        if (q.status() != HistoryProposal.Status.SUBMITTED) {
            throw new ConflictException("already-accepted", null, "These answers were already accepted by "
                    + q.decidedBy() + " as version " + q.historyVersion() + " of the history.");
        }
        if (questionnaireVersion != null && questionnaireVersion != q.version()) {
            throw new ConflictException("stale-version", "questionnaireVersion", "The patient sent their answers "
                    + "again while you were checking them. Reload the page to see what changed.");
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

    private static <T extends Comparable<T>> List<T> union(List<T> a, List<T> b) {
        java.util.TreeSet<T> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
