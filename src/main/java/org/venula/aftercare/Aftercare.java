package org.venula.aftercare;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.aftercare.internal.AftercareDocuments;
import org.venula.aftercare.internal.AftercareStore;
import org.venula.aftercare.rules.AftercarePlanner;
import org.venula.aftercare.rules.Triage;
import org.venula.protocol.VeinType;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.PatientRecord;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolRef;
import org.venula.protocol.Protocols;
import org.venula.protocol.Symptom;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.PublicAddress;
import org.venula.shared.NotFoundException;
import org.venula.shared.Reason;
import org.venula.treatment.SessionSigned;
import org.venula.treatment.SessionSigning;
import org.venula.shared.Sha256;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Aftercare plans: stateless from a request, stored from each signed session (in the signing transaction), shown to
 * the patient through a private link that expires, as a page, a PDF leaflet and an iCalendar file.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Aftercare {

    /** The vein types a plan request may list, as the request and the messages name them. */
    private static final String VEIN_TYPE_NAMES = Arrays.stream(VeinType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AftercareStore store;
    private final Protocols protocols;
    private final Patients patients;
    private final Clinics clinics;
    private final SessionSigning signing;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ClinicDetails details;
    private final PublicAddress publicAddress;
    private final AftercareDocuments documents;

    /** The number the clinic's patients are told to call in an emergency (the clinic's settings). */
    public String emergencyNumber(long clinicId) {
        return details.current(clinicId).emergencyNumber();
    }

    /** The configured emergency number, for a page that can't tell which clinic it is for. */
    public String defaultEmergencyNumber() {
        return details.defaultEmergencyNumber();
    }

    /** How the clinic's patients reach it: name, phone, e-mail, address (the clinic's settings). */
    public ClinicContact contact(long clinicId) {
        return details.current(clinicId);
    }

    /** A plan computed from a request, stored nowhere (clinicians and administrators). */
    public AftercarePlan plan(VenulaPrincipal me, PlanRequest r) {
        me.requireClinicalRecord();
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "treatmentDate", r.treatmentDate(), "is required (YYYY-MM-DD)");
        if (r.veinTypes() == null || r.veinTypes().isEmpty()) {
            problems.add(new FieldProblem("veinTypes", "must list at least one of " + VEIN_TYPE_NAMES));
        } else {
            for (int i = 0; i < r.veinTypes().size(); i++) {
                if (veinType(r.veinTypes().get(i)).isEmpty()) {
                    problems.add(new FieldProblem("veinTypes", "'" + r.veinTypes().get(i) + "' (item " + i
                            + ") is not one of " + VEIN_TYPE_NAMES));
                }
            }
        }
        Protocols.Resolved protocol = null;
        try {
            protocol = protocols.resolve(me.clinicId(), r.protocol());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return build(me.clinicId(), protocol.document(), protocol.ref(), new AftercarePlanner.Facts(r.treatmentDate(),
                veinTypes(r.veinTypes()), Boolean.TRUE.equals(r.foamUsed()),
                Boolean.TRUE.equals(r.prolongedStandingJob())));
    }

    /** A vein type by the name a request, a signed session or a stored plan gives it; empty for any other word. */
    private static Optional<VeinType> veinType(String name) {
        return Arrays.stream(VeinType.values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** The vein types named; a name that is none (never sent: requests are checked) counts for nothing. */
    private static Set<VeinType> veinTypes(Collection<String> names) {
        Set<VeinType> types = EnumSet.noneOf(VeinType.class);
        names.forEach(n -> veinType(n).ifPresent(types::add));
        return types;
    }

    AftercarePlan build(long clinicId, ProtocolDocument doc, ProtocolRef ref, AftercarePlanner.Facts facts) {
        AftercarePlanner.Plan p = AftercarePlanner.plan(doc.aftercare(), facts);
        return new AftercarePlan(
                p.instructions().stream().map(i -> new AftercarePlan.Instruction(i.code(), i.from(), i.until(),
                        i.text(), i.milestone())).toList(),
                new AftercarePlan.Window(p.review().from(), p.review().until()),
                new AftercarePlan.Window(p.resultPhotos().from(), p.resultPhotos().until()),
                redFlags(doc.aftercare().triage(), emergencyNumber(clinicId)),
                doc.aftercare().normal() == null ? List.of()
                        : doc.aftercare().normal().stream().map(ProtocolDocument.TextSetting::text).toList(),
                ref);
    }

    /** The red flags a protocol gives patients, most urgent first (for the public information page). */
    public List<AftercarePlan.RedFlag> redFlagsOf(long clinicId, ProtocolDocument doc) {
        return redFlags(doc.aftercare().triage(), emergencyNumber(clinicId));
    }

    private static List<AftercarePlan.RedFlag> redFlags(ProtocolDocument.TriageSettings t, String emergencyNumber) {
        return Triage.redFlags(t).stream().map(f -> new AftercarePlan.RedFlag(f.symptom().name(), f.level().name(),
                f.text(), t.advice().get(f.level().name()).replace("{emergencyNumber}", emergencyNumber))).toList();
    }

    /**
     * Signing a session stores the patient's plan from it, under the protocol version the session used. Runs after the
     * signing commits, in a transaction of its own: if it fails, the session stays signed, the event stays recorded
     * as failed, and {@code FollowOnWorkRetry} delivers it again. A plan already stored for the session (a delivery
     * repeated after a crash) is kept as it is.
     */
    @TransactionalEventListener(id = "aftercare.plan-from-signed-session")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSessionSigned(SessionSigned e) {
        if (store.currentForSession(e.clinicId(), e.sessionId()).isPresent()) {
            return;
        }
        ProtocolDocument doc = protocols.version(e.clinicId(), e.protocol().version()).document();
        AftercarePlan plan = build(e.clinicId(), doc, e.protocol(), new AftercarePlanner.Facts(e.sessionDate(),
                veinTypes(e.veinTypes()), e.foamUsed(), e.prolongedStandingJob()));
        store.insert(e.clinicId(), e.patientId(), e.sessionId(), e.sessionDate(), List.copyOf(e.veinTypes()),
                e.foamUsed(), e.prolongedStandingJob(), plan, now(), e.signedBy());
        accessLog.record(e.clinicId(), e.patientId(), AccessAction.CREATE_AFTERCARE_PLAN, "session " + e.sessionId());
    }

    @Transactional
    public List<StoredPlan> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return store.forPatient(me.clinicId(), patientId);
    }

    /**
     * The patient's current aftercare plans, latest treatment first, for the patient signed in to the portal (logged
     * as their own view).
     */
    @Transactional
    public List<StoredPlan> ownCurrentPlans(long clinicId, long patientId) {
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_AFTERCARE_PLAN, "own plans");
        return store.forPatient(clinicId, patientId).stream().filter(StoredPlan::current).toList();
    }

    /**
     * One of the patient's own current plans, for the patient signed in to the portal; empty when the plan is not
     * theirs or was replaced. {@code action} is logged as their own access (null when the caller logs it, as a
     * check-in does).
     */
    @Transactional
    public Optional<PatientView> ownView(long clinicId, long patientId, long planId, AccessAction action) {
        return store.find(clinicId, planId).filter(p -> p.patientId() == patientId && p.current()).map(p -> {
            if (action != null) {
                accessLog.recordByPortalPatient(clinicId, patientId, action, "plan " + planId);
            }
            return new PatientView(clinicId, clinics.clinic(clinicId).name(), patients.nameOf(clinicId, patientId), p,
                    clinics.today(clinicId), true);
        });
    }

    /** The plan as the patient's PDF leaflet, with how to reach the clinic as its settings say now. */
    public byte[] leaflet(PatientView view) {
        return documents.leaflet(view.clinicId(), view.patientName(), view.plan());
    }

    /** The plan's dates as an iCalendar file of all-day events. */
    public String calendar(PatientView view) {
        return documents.ics(view.plan(), view.clinicName());
    }

    /** Each instruction's heading by its code ("Compression daytime"), as the page and leaflet show it. */
    public static Map<String, String> titles(StoredPlan plan) {
        return AftercareDocuments.titles(plan);
    }

    /**
     * The symptoms a patient can tick when checking in, as the plan's protocol version words them, in order from
     * most to least urgent.
     */
    public Map<String, String> symptomChoices(PatientView view) {
        ProtocolDocument doc = protocols.version(view.clinicId(), view.plan().plan().protocol().version()).document();
        Map<String, String> out = new LinkedHashMap<>();
        for (Symptom s : Symptom.values()) {
            out.put(s.name(), doc.aftercare().triage().symptomText().get(s.name()));
        }
        return out;
    }

    @Transactional
    public StoredPlan get(VenulaPrincipal me, long planId) {
        me.requireClinicalRecord();
        StoredPlan p = store.find(me.clinicId(), planId).orElseThrow(() -> new NotFoundException("Aftercare plan " + planId));
        accessLog.record(me.clinicId(), p.patientId(), AccessAction.VIEW_AFTERCARE_PLAN, "plan " + planId);
        return p;
    }

    /**
     * Makes a new version of the plan from the clinic's active protocol and the patient's current details. This
     * changes what a signed session led to, so it is recorded as an addendum to the session, with the reason.
     */
    @Transactional
    public StoredPlan regenerate(VenulaPrincipal me, long planId, String reason) {
        StoredPlan old = get(me, planId);
        if (!old.current()) {
            throw superseded("This plan was already replaced by a newer version.");
        }
        String why = Reason.required(reason, "is required: say why the plan is made again");
        PatientRecord patient = patients.get(me, old.patientId());
        var active = protocols.active(me.clinicId());
        boolean standing = Boolean.TRUE.equals(patient.prolongedStanding());
        AftercarePlan plan = build(me.clinicId(), active.document(), active.ref(), new AftercarePlanner.Facts(old.treatmentDate(),
                veinTypes(old.veinTypes()), old.foamUsed(), standing));
        signing.addendum(me, old.sessionId(), why, "Aftercare plan made again as version "
                + (old.version() + 1) + " under protocol " + active.ref().id() + " v" + active.ref().version() + ".");
        store.supersede(old.id(), why, now(), me.getUsername());
        long id = store.insert(me.clinicId(), old.patientId(), old.sessionId(), old.treatmentDate(), old.veinTypes(),
                old.foamUsed(), standing, plan, now(), me.getUsername());
        accessLog.record(me.clinicId(), old.patientId(), AccessAction.CREATE_AFTERCARE_PLAN,
                "plan " + id + " replaces " + planId);
        return store.find(me.clinicId(), id).orElseThrow();
    }

    /**
     * Issues the patient's private link, replacing any earlier one. The token is random (256 bits) and stored only
     * as its hash; it expires 30 days after the result-photo window ends (at least 30 days from now).
     */
    @Transactional
    public PatientLink issueLink(VenulaPrincipal me, long planId) {
        StoredPlan p = get(me, planId);
        if (!p.current()) {
            throw superseded("This plan was replaced; issue the link from the current version.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ClinicInfo clinic = clinics.clinic(me.clinicId());
        OffsetDateTime end = p.plan().resultPhotos().until().plusDays(31).atStartOfDay(clinic.zone()).toOffsetDateTime();
        OffsetDateTime expires = end.isBefore(now().plusDays(30)) ? now().plusDays(30) : end;
        store.setToken(p.id(), Sha256.hex(token), expires.withOffsetSameInstant(ZoneOffset.UTC));
        accessLog.record(me.clinicId(), p.patientId(), AccessAction.ISSUE_PATIENT_LINK, "plan " + planId);
        return new PatientLink(publicAddress.base() + "/my/" + token, expires);
    }

    /**
     * What a patient sees of their plan: through a valid, unexpired private link, or signed in to the portal
     * ({@code viaPortal}, which is how what they do there is logged).
     */
    public record PatientView(long clinicId, String clinicName, String patientName, StoredPlan plan, LocalDate today,
            boolean viaPortal) {
    }

    /**
     * The plan behind a private link; empty for a wrong, replaced or expired token. {@code action} is logged as the
     * patient's access (null when the caller logs the access itself, as a check-in does).
     */
    @Transactional
    public Optional<PatientView> byToken(String token, AccessAction action) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.byTokenHash(Sha256.hex(token)).filter(l -> l.expiresAt() != null && l.expiresAt().isAfter(now()))
                .map(l -> {
                    ClinicInfo clinic = clinics.clinic(l.clinicId());
                    if (action != null) {
                        accessLog.recordByPatientLink(l.clinicId(), l.plan().patientId(), action,
                                "plan " + l.plan().id());
                    }
                    return new PatientView(l.clinicId(), clinic.name(), patients.nameOf(l.clinicId(),
                            l.plan().patientId()), l.plan(), clinics.today(l.clinicId()), false);
                });
    }

    private static ConflictException superseded(String message) {
        return new ConflictException("plan-superseded", null, message);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
