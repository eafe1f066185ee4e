package org.venula.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultation.MappedArea;
import org.venula.assessment.Consultations;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.planning.internal.PlanStore;
import org.venula.planning.rules.AgentSelection;
import org.venula.planning.rules.Quote;
import org.venula.planning.rules.QuoteCalculator;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.PlanSettings;
import org.venula.protocol.ProtocolVersion;
import org.venula.protocol.Protocols;
import org.venula.protocol.Restriction;
import org.venula.screening.Screenings;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The planning capability's facade: plan a course from a consultation, quote it, and take or withdraw consent. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Plans {

    private final PlanStore store;
    private final Consultations consultations;
    private final Screenings screenings;
    private final Protocols protocols;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    @Transactional
    public TreatmentPlan create(VenulaPrincipal me, long consultationId, PlanRequest request) {
        Consultation c = consultations.get(me, consultationId);
        if (c.outcome() != ConsultationOutcome.PROCEED) {
            throw new InvalidInputException("consultation", "the consultation's outcome is " + c.outcome()
                    + ": a course is planned only when it is PROCEED (or a clinician overrode it with a reason)");
        }
        ProtocolVersion protocol = protocols.active(me.clinicId());
        ProtocolDocument doc = protocol.document();
        PlanSettings settings = doc.plan();
        PlanRequest r = request == null ? new PlanRequest(null, null, null, null) : request;
        int sessions = r.sessions() == null ? settings.sessionsMin().value() : r.sessions();
        int interval = r.intervalDays() == null ? settings.intervalTypicalDays().value() : r.intervalDays();
        List<FieldProblem> problems = new ArrayList<>();
        if (sessions < settings.sessionsMin().value() || sessions > settings.sessionsMax().value()) {
            problems.add(new FieldProblem("sessions", "must be between " + settings.sessionsMin().value() + " and "
                    + settings.sessionsMax().value() + " (protocol " + protocol.id() + ")"));
        }
        if (interval < settings.intervalMinDays().value() || interval > 365) {
            problems.add(new FieldProblem("intervalDays", "must be at least " + settings.intervalMinDays().value()
                    + " days (protocol " + protocol.id() + ") and at most 365"));
        }
        if (r.notes() != null && r.notes().length() > 2000) {
            problems.add(new FieldProblem("notes", "must be at most 2000 characters"));
        }
        List<MappedArea> areas = new ArrayList<>();
        if (r.areaIds() == null) {
            areas.addAll(c.areas());
        } else {
            for (int i = 0; i < r.areaIds().size(); i++) {
                MappedArea a = r.areaIds().get(i) == null ? null : c.area(r.areaIds().get(i));
                if (a == null) {
                    problems.add(new FieldProblem("areaIds[" + i + "]", "is not an area of this consultation"));
                } else if (!areas.contains(a)) {
                    areas.add(a);
                }
            }
        }
        if (areas.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("areaIds", "the plan needs at least one mapped area to treat"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int hands = areas.stream().mapToInt(a -> a.size().hands()).sum();
        Set<String> veinTypes = new LinkedHashSet<>();
        areas.stream().map(a -> a.veinType().name()).sorted().forEach(veinTypes::add);
        List<Restriction> restrictions = screenings.latest(me, c.patientId()).map(s -> s.restrictions())
                .orElse(List.of());
        TreatmentPlan.Details details = new TreatmentPlan.Details(
                areas.stream().map(a -> new TreatmentPlan.PlannedArea(a.id(), a.label(), a.veinType().name(),
                        a.size().name())).toList(),
                hands, AgentSelection.choose(settings, veinTypes, restrictions).stream()
                        .map(i -> new AgentSelection.Intended(i.veinType(), i.agent(), i.concentrationPercent(), i.form(),
                                i.note(), doc.cite(i.source())))
                        .toList(),
                settings.sessionsMin().value(), settings.sessionsMax().value(), settings.intervalMinDays().value(),
                settings.intervalTypicalDays().value(), cited(doc, settings.expectedResults()),
                settings.advice() == null ? List.of() : settings.advice().stream().map(a -> cited(doc, a)).toList(),
                r.notes() == null || r.notes().isBlank() ? null : r.notes().trim());
        Quote quote = QuoteCalculator.quote(doc.prices(), sessions, hands, clinics.today(me.clinicId()));
        long id = store.insert(me.clinicId(), c.patientId(), c.id(), protocol.ref(), sessions, interval, details, quote,
                now(), me.getUsername());
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.CREATE_PLAN, "plan " + id);
        return store.find(me.clinicId(), id).orElseThrow();
    }

    @Transactional
    public TreatmentPlan get(VenulaPrincipal me, long planId) {
        me.requireClinicalRecord();
        TreatmentPlan p = store.find(me.clinicId(), planId).orElseThrow(() -> new NotFoundException("Plan " + planId));
        accessLog.record(me.clinicId(), p.patientId(), AccessAction.VIEW_PLAN, "plan " + planId);
        return p;
    }

    public List<TreatmentPlan> forPatient(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        return store.forPatient(me.clinicId(), patientId);
    }

    /** A plan records its texts with their sources as staff read them, so it reads the same after the protocol changes. */
    private static ProtocolDocument.TextSetting cited(ProtocolDocument doc, ProtocolDocument.TextSetting t) {
        return t == null ? null : new ProtocolDocument.TextSetting(t.text(), doc.cite(t.source()));
    }

    /** The protocol's consent settings for a plan (for the consent page and the PDF). */
    public ProtocolDocument.ConsentSettings consentSettings(VenulaPrincipal me, TreatmentPlan plan) {
        return consentSettings(me.clinicId(), plan);
    }

    /** As {@link #consentSettings(VenulaPrincipal, TreatmentPlan)}, for the patient's own plan in the portal. */
    ProtocolDocument.ConsentSettings consentSettings(long clinicId, TreatmentPlan plan) {
        ProtocolVersion v = protocols.versions(clinicId).stream()
                .filter(x -> x.id().equals(plan.protocol().id()) && x.version() == plan.protocol().version())
                .findFirst().orElse(protocols.active(clinicId));
        return v.document().consent();
    }

    /** The exact text a patient consents to for this plan. */
    public String consentText(VenulaPrincipal me, TreatmentPlan plan) {
        return consentText(me.clinicId(), plan);
    }

    /** As {@link #consentText(VenulaPrincipal, TreatmentPlan)}, for the patient's own plan in the portal. */
    String consentText(long clinicId, TreatmentPlan plan) {
        ProtocolDocument.ConsentSettings s = consentSettings(clinicId, plan);
        StringBuilder sb = new StringBuilder();
        sb.append("Treatment: sclerotherapy of leg veins, ").append(plan.sessions()).append(" sessions about ")
                .append(plan.intervalDays() / 7).append(" weeks apart, for: ");
        sb.append(String.join("; ", plan.details().areas().stream().map(a -> a.label() + " ("
                + a.veinType().toLowerCase().replace('_', ' ') + ")").toList())).append(".\n\n");
        sb.append("Risks I have been told about:\n");
        s.risks().forEach(risk -> sb.append("- ").append(risk.text()).append(" (").append(risk.frequency()).append(")\n"));
        sb.append("\nAlternatives: ").append(s.alternatives()).append("\n\n");
        sb.append("Aftercare: ").append(s.aftercare()).append("\n\n");
        sb.append("I have had the chance to ask questions, and I agree to this treatment. I may withdraw my consent "
                + "at any time.");
        return sb.toString();
    }

    @Transactional
    public TreatmentPlan consent(VenulaPrincipal me, long planId, ConsentRequest request) {
        TreatmentPlan plan = get(me, planId);
        LocalDate today = clinics.today(me.clinicId());
        List<FieldProblem> problems = new ArrayList<>();
        String name = request == null ? null : request.patientName();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("patientName", "is required: the patient types their own name"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("patientName", "must be at most 200 characters"));
        }
        LocalDate on = request == null || request.consentedOn() == null ? today : request.consentedOn();
        if (on.isAfter(today)) {
            problems.add(new FieldProblem("consentedOn", "must not be in the future"));
        }
        Long witnessId = request == null ? null : request.witnessPractitionerId();
        PractitionerView witness = witnessId != null ? clinics.practitioner(me.clinicId(), witnessId).orElse(null)
                : clinics.practitionerOfUser(me.userId()).orElse(null);
        if (witness == null) {
            problems.add(new FieldProblem("witnessPractitionerId", witnessId != null
                    ? "is not a practitioner of this clinic" : "is required: you have no practitioner profile"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (plan.consentInForce() != null) {
            throw new ConflictException("consent-in-force", null,
                    "This plan already has consent in force; withdraw it first to record a new one.");
        }
        ProtocolDocument.ConsentSettings settings = consentSettings(me, plan);
        long id = store.insertConsent(me.clinicId(), plan.patientId(), plan.id(), settings.textVersion(),
                consentText(me, plan), name.trim(), on, witness.id(), now(), me.getUsername());
        accessLog.record(me.clinicId(), plan.patientId(), AccessAction.RECORD_CONSENT, "consent " + id);
        return store.find(me.clinicId(), planId).orElseThrow();
    }

    @Transactional
    public TreatmentPlan withdrawConsent(VenulaPrincipal me, long planId, long consentId, String reason) {
        TreatmentPlan plan = get(me, planId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "must be at most 1000 characters");
        }
        if (plan.consents().stream().noneMatch(k -> k.id() == consentId)) {
            throw new NotFoundException("Consent " + consentId);
        }
        if (!store.withdrawConsent(planId, consentId, reason.trim(), now(), me.getUsername())) {
            throw new ConflictException("already-withdrawn", null, "This consent was already withdrawn.");
        }
        accessLog.record(me.clinicId(), plan.patientId(), AccessAction.WITHDRAW_CONSENT, "consent " + consentId);
        return store.find(me.clinicId(), planId).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
