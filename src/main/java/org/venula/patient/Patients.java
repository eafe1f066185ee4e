package org.venula.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessEntry;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.HistoryStore;
import org.venula.patient.internal.Patient;
import org.venula.patient.internal.PatientRepository;
import org.venula.patient.internal.PatientSearch;
import org.venula.patient.rules.NhsNumber;
import org.venula.patient.rules.PatientRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The patient capability's facade. Every method takes the signed-in user: it keeps them inside their clinic
 * (another clinic's patient is "not found"), applies the role rules (reception never sees the medical history)
 * and writes the access log in the same transaction as the read or write it records.
 */
@Service
public class Patients {

    public static final int MAX_PAGE_SIZE = 100;

    private final PatientRepository patients;
    private final PatientSearch search;
    private final HistoryStore histories;
    private final AccessLog accessLog;
    private final Clinics clinics;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    Patients(PatientRepository patients, PatientSearch search, HistoryStore histories, AccessLog accessLog,
            Clinics clinics, JdbcClient jdbc, JsonMapper json, Validator validator, Clock clock) {
        this.patients = patients;
        this.search = search;
        this.histories = histories;
        this.accessLog = accessLog;
        this.clinics = clinics;
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public PatientRecord register(VenulaPrincipal me, PatientDraft draft) {
        String nhs = checkDemographics(me, draft);
        if (nhs != null && patients.existsByClinicIdAndNhsNumber(me.clinicId(), nhs)) {
            throw duplicateNhsNumber();
        }
        OffsetDateTime now = now();
        Patient saved;
        try {
            saved = patients.save(new Patient(null, me.clinicId(), draft.givenName().trim(), draft.familyName().trim(),
                    draft.dateOfBirth(), draft.sex(), blank(draft.phone()), blank(draft.email()),
                    blank(draft.address()), nhs, draft.weightKg(), blank(draft.occupation()),
                    draft.prolongedStanding(), null, now, me.getUsername(), now, me.getUsername()));
        } catch (DuplicateKeyException e) {
            throw duplicateNhsNumber();
        }
        accessLog.record(me.clinicId(), saved.id(), AccessAction.CREATE_PATIENT, null);
        forwardSkinType(me, saved, draft.fitzpatrickSkinType());
        return toRecord(saved, skinTypeShownTo(me, saved.id()));
    }

    @Transactional
    public PatientRecord get(VenulaPrincipal me, long patientId) {
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_PATIENT, null);
        return toRecord(p, skinTypeShownTo(me, p.id()));
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
                && patients.existsByClinicIdAndNhsNumber(me.clinicId(), nhs)) {
            throw duplicateNhsNumber();
        }
        jdbc.sql("INSERT INTO patient_revision (patient_id, version, snapshot, replaced_at, replaced_by)"
                        + " VALUES (:p, :v, :s, :at, :by)")
                .param("p", current.id()).param("v", current.version())
                .param("s", json.writeValueAsString(toRecord(current, null))).param("at", now())
                .param("by", me.getUsername()).update();
        Patient saved;
        try {
            saved = patients.save(new Patient(current.id(), current.clinicId(), draft.givenName().trim(),
                    draft.familyName().trim(), draft.dateOfBirth(), draft.sex(), blank(draft.phone()),
                    blank(draft.email()), blank(draft.address()), nhs, draft.weightKg(), blank(draft.occupation()),
                    draft.prolongedStanding(), current.version(), current.createdAt(), current.createdBy(), now(),
                    me.getUsername()));
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw ConflictException.staleVersion("This patient's details");
        }
        accessLog.record(me.clinicId(), saved.id(), AccessAction.UPDATE_PATIENT, null);
        forwardSkinType(me, saved, draft.fitzpatrickSkinType());
        return toRecord(saved, skinTypeShownTo(me, saved.id()));
    }

    @Transactional
    public PatientPage search(VenulaPrincipal me, String query, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
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
        Map<Long, Patient> byId = patients.findAllById(result.ids()).stream()
                .collect(Collectors.toMap(Patient::id, Function.identity()));
        Map<Long, Integer> skinTypes = me.seesClinicalRecord() ? histories.currentSkinTypes(result.ids()) : Map.of();
        List<PatientRecord> items = result.ids().stream().map(byId::get)
                .map(p -> toRecord(p, skinTypes.get(p.id()))).toList();
        String searched = "query '" + (query == null ? "" : query) + "', page " + page;
        accessLog.record(me.clinicId(), null, AccessAction.SEARCH_PATIENTS, searched + ", " + items.size() + " shown");
        accessLog.recordShown(me.clinicId(), result.ids(), AccessAction.SEARCH_PATIENTS, "shown in search: " + searched);
        int pages = (int) ((result.total() + size - 1) / size);
        return new PatientPage(items, page, size, result.total(), pages);
    }

    /** The current medical history; version 0 with every question unanswered when none is recorded yet. */
    @Transactional
    public HistoryVersion history(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "current version");
        return histories.latest(p.id())
                .orElseGet(() -> new HistoryVersion(p.id(), 0, null, null, null, MedicalHistory.unanswered()));
    }

    @Transactional
    public List<HistoryVersion> historyVersions(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "all versions");
        return histories.all(p.id());
    }

    @Transactional
    public HistoryVersion historyVersion(VenulaPrincipal me, long patientId, int version) {
        me.requireClinicalRecord();
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "version " + version);
        return histories.version(p.id(), version).orElseThrow(() -> new NotFoundException("History version " + version));
    }

    /**
     * Records a new version of the medical history. {@code basedOnVersion}, when given, must be the current version,
     * so that an answer recorded meanwhile by a colleague is not silently replaced.
     */
    @Transactional
    public HistoryVersion recordHistory(VenulaPrincipal me, long patientId, MedicalHistory history,
            Integer basedOnVersion, String note) {
        return recordHistory(me, patientId, history, basedOnVersion, note, false);
    }

    /**
     * As {@link #recordHistory}, except that a history without a skin type keeps the one recorded. For API clients
     * written when the skin type was sent with the patient's details: their history body leaves it out, and that
     * must not erase it. A history that names the skin type, even as null, is recorded as sent.
     */
    @Transactional
    public HistoryVersion recordHistoryKeepingSkinType(VenulaPrincipal me, long patientId, MedicalHistory history,
            Integer basedOnVersion, String note) {
        return recordHistory(me, patientId, history, basedOnVersion, note, true);
    }

    private HistoryVersion recordHistory(VenulaPrincipal me, long patientId, MedicalHistory sent,
            Integer basedOnVersion, String note, boolean keepSkinType) {
        me.requireClinicalRecord();
        Patient p = load(me, patientId);
        MedicalHistory history = sent;
        if (keepSkinType && sent.fitzpatrickSkinType() == null) {
            Integer recorded = histories.latest(p.id()).map(h -> h.history().fitzpatrickSkinType()).orElse(null);
            history = sent.withFitzpatrickSkinType(recorded);
        }
        List<FieldProblem> problems = problemsWith(me, patientId, history);
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int current = histories.currentVersion(p.id());
        if (basedOnVersion != null && basedOnVersion != current) {
            throw ConflictException.staleVersion("This medical history");
        }
        OffsetDateTime now = now();
        try {
            histories.insert(me.clinicId(), p.id(), current + 1, history, blank(note), now, me.getUsername());
        } catch (DuplicateKeyException e) {
            throw ConflictException.staleVersion("This medical history");
        }
        accessLog.record(me.clinicId(), p.id(), AccessAction.UPDATE_HISTORY, "version " + (current + 1));
        return new HistoryVersion(p.id(), current + 1, now, me.getUsername(), blank(note), history);
    }

    /** The access log of one patient (admins only). */
    @Transactional
    public List<AccessEntry> accessLog(VenulaPrincipal me, long patientId) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators see the access log");
        }
        Patient p = load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_ACCESS_LOG, null);
        return accessLog.forPatient(me.clinicId(), p.id(), 500);
    }

    /** Every entry of the patient's access log as CSV, for the patient's subject access request (admins). */
    @Transactional
    public String accessLogCopy(VenulaPrincipal me, long patientId) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators export the access log");
        }
        Patient p = load(me, patientId);
        List<AccessEntry> entries = accessLog.forPatient(me.clinicId(), p.id(), 1_000_000);
        accessLog.record(me.clinicId(), p.id(), AccessAction.EXPORT_PATIENTS, "subject access copy of the access log");
        return AccessLog.subjectAccessCsv(entries);
    }

    /**
     * The patient's name, for a page the patient opens through their own private link (the caller has checked the
     * link and logs the access).
     */
    public String nameOf(long clinicId, long patientId) {
        Patient p = patients.findByIdAndClinicId(patientId, clinicId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
        return p.givenName() + " " + p.familyName();
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
        return patients.findByIdAndClinicId(patientId, me.clinicId())
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
    }


    /**
     * Everything wrong with these demographics: field formats, dates and the NHS number check digit; and a skin type
     * from a user who may not record the medical history, where it is kept.
     */
    public List<FieldProblem> problemsWith(VenulaPrincipal me, PatientDraft draft) {
        List<FieldProblem> problems = constraintProblems(draft);
        problems.addAll(PatientRules.checkDemographics(draft, clinics.today(me.clinicId())));
        if (draft.fitzpatrickSkinType() != null && !me.seesClinicalRecord()) {
            problems.add(new FieldProblem("fitzpatrickSkinType",
                    "is part of the medical history: leave it for a clinician to record"));
        }
        return problems;
    }

    /**
     * A skin type sent with the patient's details goes where the skin type is kept, the medical history: a new
     * version when it differs from the current one (a first version, every question still unasked, when there is
     * none). Null changes nothing.
     */
    private void forwardSkinType(VenulaPrincipal me, Patient p, Integer skinType) {
        if (skinType == null) {
            return;
        }
        HistoryVersion current = histories.latest(p.id())
                .orElseGet(() -> new HistoryVersion(p.id(), 0, null, null, null, MedicalHistory.unanswered()));
        if (skinType.equals(current.history().fitzpatrickSkinType())) {
            return;
        }
        recordHistory(me, p.id(), current.history().withFitzpatrickSkinType(skinType), current.version(),
                "Fitzpatrick skin type sent with the patient's details");
    }

    /** The current history's skin type, for the read-only copy in {@link PatientRecord}; null for reception. */
    private Integer skinTypeShownTo(VenulaPrincipal me, long patientId) {
        return me.seesClinicalRecord() ? histories.currentSkinTypes(List.of(patientId)).get(patientId) : null;
    }

    /** Everything wrong with this history for this patient: field formats and dates of past events. */
    public List<FieldProblem> problemsWith(VenulaPrincipal me, long patientId, MedicalHistory history) {
        Patient p = load(me, patientId);
        List<FieldProblem> problems = constraintProblems(history);
        problems.addAll(PatientRules.checkHistory(history, clinics.today(me.clinicId()), p.dateOfBirth()));
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

    /** The field-format constraints declared on the request records, every one reported. */
    private List<FieldProblem> constraintProblems(Object request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        return problems;
    }

    private static ConflictException duplicateNhsNumber() {
        return new ConflictException("duplicate", "nhsNumber", "Another patient of this clinic has this NHS number.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static PatientRecord toRecord(Patient p, Integer currentSkinType) {
        return new PatientRecord(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.sex(), p.phone(),
                p.email(), p.address(), p.nhsNumber(), p.weightKg(), p.occupation(), p.prolongedStanding(),
                currentSkinType, p.version(), p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy());
    }

    /** Today's date in the user's clinic. */
    public LocalDate today(VenulaPrincipal me) {
        return clinics.today(me.clinicId());
    }
}
