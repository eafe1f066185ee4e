package org.venula.patient;

import static org.venula.patient.ClinicPatients.blank;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessEntry;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.Patient;
import org.venula.patient.internal.PatientRepository;
import org.venula.patient.internal.PatientRows;
import org.venula.patient.internal.PatientSearch;
import org.venula.patient.internal.RevisionStore;
import org.venula.patient.rules.NhsNumber;
import org.venula.patient.rules.PatientRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Paging;

import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The patient capability's facade. Every method takes the signed-in user: it keeps them inside their clinic
 * (another clinic's patient is "not found"), applies the role rules (reception never sees the medical history)
 * and writes the access log in the same transaction as the read or write it records.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Patients {

    public static final int MAX_PAGE_SIZE = 100;
    /** The last page a search reads: a page is read from the start of its range, so far pages cost more. */
    public static final int MAX_PAGE = 1000;

    private final PatientRepository patients;
    private final PatientSearch search;
    private final PatientRows rows;
    private final RevisionStore revisions;
    private final ClinicPatients clinicPatients;
    private final MedicalHistories histories;
    private final AccessLog accessLog;
    private final JsonMapper json;

    @Transactional
    public PatientRecord register(VenulaPrincipal me, PatientDraft draft) {
        String nhs = checkDemographics(me, draft);
        if (nhs != null && rows.nhsNumberTaken(me.clinicId(), nhs)) {
            throw duplicateNhsNumber();
        }
        OffsetDateTime now = clinicPatients.now();
        Patient saved;
        try {
            saved = patients.save(fromDraft(null, me.clinicId(), draft, nhs, null, now, me.getUsername(), now,
                    me.getUsername()));
        } catch (DuplicateKeyException e) {
            throw duplicateNhsNumber();
        }
        accessLog.record(me.clinicId(), saved.id(), AccessAction.CREATE_PATIENT, null);
        histories.forwardSkinType(me, saved.id(), draft.fitzpatrickSkinType());
        return shownTo(me, saved);
    }

    @Transactional
    public PatientRecord get(VenulaPrincipal me, long patientId) {
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_PATIENT, null);
        return shownTo(me, p);
    }

    /**
     * Opens the patient's clinical record for the user: refused (403) unless their role may read clinical records,
     * 404 for another clinic's patient; the view is access-logged. What a capability calls before it answers with
     * anything clinical about the patient.
     */
    @Transactional
    public PatientRecord openClinicalRecord(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        return get(me, patientId);
    }

    /** Amends demographics. The previous state is kept as a revision; a stale {@code version} is refused. */
    @Transactional
    public PatientRecord amend(VenulaPrincipal me, long patientId, PatientDraft draft) {
        Patient current = load(me, patientId);
        String nhs = checkDemographics(me, draft);
        if (draft.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you loaded");
        }
        if (draft.version().intValue() != current.version()) {
            throw ConflictException.staleVersion("This patient's details");
        }
        if (nhs != null && !nhs.equals(current.nhsNumber())
                && rows.nhsNumberTaken(me.clinicId(), nhs)) {
            throw duplicateNhsNumber();
        }
        revisions.keep(current.id(), current.version(), json.writeValueAsString(toRecord(current, null)),
                clinicPatients.now(), me.getUsername());
        Patient saved;
        try {
            saved = patients.save(fromDraft(current.id(), current.clinicId(), draft, nhs, current.version(),
                    current.createdAt(), current.createdBy(), clinicPatients.now(), me.getUsername()));
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw ConflictException.staleVersion("This patient's details");
        }
        accessLog.record(me.clinicId(), saved.id(), AccessAction.UPDATE_PATIENT, null);
        histories.forwardSkinType(me, saved.id(), draft.fitzpatrickSkinType());
        return shownTo(me, saved);
    }

    @Transactional
    public PatientPage search(VenulaPrincipal me, String query, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            problems.add(new FieldProblem("page", "must be 0 to " + MAX_PAGE + ": search for more of the name"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (query != null && query.length() > 100) {
            problems.add(new FieldProblem("query", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PatientSearch.Result result = search.find(me.clinicId(), query, page, size);
        Map<Long, Patient> byId = rows.find(me.clinicId(), result.ids());
        Map<Long, Integer> skinTypes = histories.skinTypesShownTo(me, result.ids());
        List<PatientRecord> items = result.ids().stream().map(byId::get)
                .map(p -> toRecord(p, skinTypes.get(p.id()))).toList();
        String searched = "query '" + (query == null ? "" : query) + "', page " + page;
        accessLog.record(me.clinicId(), null, AccessAction.SEARCH_PATIENTS, searched + ", " + items.size() + " shown");
        accessLog.recordShown(me.clinicId(), result.ids(), AccessAction.SEARCH_PATIENTS, "shown in search: " + searched);
        int counted = (int) ((result.total() + size - 1) / size);
        // Beyond what was counted there is at least one more page: the pager offers it.
        int pages = result.capped() ? Math.max(counted, page + 2) : counted;
        return new PatientPage(items, page, size, result.total(), pages, result.capped());
    }

    /** One page of the access log of one patient, newest first (admins only). */
    @Transactional
    public Paging.Paged<AccessEntry> accessLog(VenulaPrincipal me, long patientId, Paging paging) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators see the access log");
        }
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_ACCESS_LOG, null);
        return paging.of(accessLog.forPatient(me.clinicId(), p.id(), paging.limit(), paging.offset()));
    }

    /** Every entry of the patient's access log as CSV, for the patient's subject access request (admins). */
    @Transactional
    public String accessLogCopy(VenulaPrincipal me, long patientId) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators export the access log");
        }
        Patient p = load(me, patientId);
        List<AccessEntry> entries = accessLog.forPatient(me.clinicId(), p.id(), Integer.MAX_VALUE, 0);
        accessLog.record(me.clinicId(), p.id(), AccessAction.EXPORT_PATIENTS, "subject access copy of the access log");
        return AccessLog.subjectAccessCsv(entries);
    }

    /**
     * The patient's name, for a page the patient opens through their own private link (the caller has checked the
     * link and logs the access).
     */
    public String nameOf(long clinicId, long patientId) {
        Patient p = rows.find(clinicId, patientId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
        return p.givenName() + " " + p.familyName();
    }

    /**
     * The clinic's patients whose e-mail address is this one (in any case), for the portal's sign-in: ids only,
     * nothing of the record is read or shown, so nothing is logged.
     */
    public List<Long> withEmail(long clinicId, String email) {
        return rows.idsWithEmail(clinicId, email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A patient's own details, for the patient signed in to the portal (the caller has checked who they are): logged
     * as the patient's own view through the portal.
     */
    @Transactional
    public PatientRecord ownRecord(long clinicId, long patientId) {
        Patient p = rows.find(clinicId, patientId).orElseThrow(() -> new NotFoundException("Patient " + patientId));
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_PATIENT, null);
        return toRecord(p, null);
    }

    /** How many patients the whole database holds (demo data is only loaded into an empty one). */
    public long countAll() {
        return patients.count();
    }

    /** Refuses (404) a patient who is not of the user's clinic, reading nothing of the record. */
    public void requireInClinic(VenulaPrincipal me, long patientId) {
        load(me, patientId);
    }

    private Patient load(VenulaPrincipal me, long patientId) {
        return clinicPatients.load(me, patientId);
    }

    /**
     * Everything wrong with these demographics: field formats, dates and the NHS number check digit; and a skin type
     * from a user who may not record the medical history, where it is kept.
     */
    public List<FieldProblem> problemsWith(VenulaPrincipal me, PatientDraft draft) {
        List<FieldProblem> problems = clinicPatients.constraintProblems(draft);
        problems.addAll(PatientRules.checkDemographics(draft, today(me)));
        if (draft.fitzpatrickSkinType() != null && !me.seesClinicalRecord()) {
            problems.add(new FieldProblem("fitzpatrickSkinType",
                    "is part of the medical history: leave it for a clinician to record"));
        }
        return problems;
    }

    /** Refuses invalid demographics; returns the normalised NHS number (or null). */
    private String checkDemographics(VenulaPrincipal me, PatientDraft draft) {
        List<FieldProblem> problems = problemsWith(me, draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return NhsNumber.normalise(draft.nhsNumber()).orElse(null);
    }

    private static ConflictException duplicateNhsNumber() {
        return new ConflictException("duplicate", "nhsNumber", "Another patient of this clinic has this NHS number.");
    }

    /** The draft's demographics as the row to save, blank text as null. */
    private static Patient fromDraft(Long id, long clinicId, PatientDraft draft, String nhs, Integer version,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
        return new Patient(id, clinicId, draft.givenName().trim(), draft.familyName().trim(), draft.dateOfBirth(),
                draft.sex(), blank(draft.phone()), blank(draft.email()), blank(draft.address()), nhs,
                draft.weightKg(), blank(draft.occupation()), draft.prolongedStanding(), version, createdAt, createdBy,
                updatedAt, updatedBy);
    }

    /** The record with the current skin type's read-only copy, which reception does not see. */
    private PatientRecord shownTo(VenulaPrincipal me, Patient p) {
        return toRecord(p, histories.skinTypesShownTo(me, List.of(p.id())).get(p.id()));
    }

    static PatientRecord toRecord(Patient p, Integer currentSkinType) {
        return new PatientRecord(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.sex(), p.phone(),
                p.email(), p.address(), p.nhsNumber(), p.weightKg(), p.occupation(), p.prolongedStanding(),
                currentSkinType, p.version(), p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy());
    }

    /** Today's date in the user's clinic. */
    public LocalDate today(VenulaPrincipal me) {
        return clinicPatients.today(me);
    }
}
