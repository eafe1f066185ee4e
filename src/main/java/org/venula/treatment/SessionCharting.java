package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultations;
import org.venula.protocol.VeinType;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.RefusedException;
import org.venula.shared.Reason;
import org.venula.treatment.internal.InjectionStore;
import org.venula.treatment.internal.LotStore;
import org.venula.treatment.internal.SessionStore;
import org.venula.treatment.rules.DoseCheck;
import org.venula.treatment.rules.DoseLimitReached;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Charting an open session: each injection on the leg map with its lot, checked against the dose limits of the
 * session's protocol (a BLOCK needs an override reason), repeated at a new point, or struck out with a reason; the
 * compression applied and the immediate reactions. Every change goes in the patient's access log.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionCharting {

    private final SessionLookup lookup;
    private final SessionStore sessions;
    private final InjectionStore injections;
    private final LotStore lots;
    private final Consultations consultations;
    private final Clinics clinics;
    private final AccessLog accessLog;

    @Transactional
    public TreatmentSession chart(VenulaPrincipal me, long sessionId, ChartInjection c) {
        me.requireClinicalRecord();
        // Locked before it is read: two injections charted at once are dose-checked one after the other, each
        // against the session with the other in it, so together they can't pass a limit neither could alone.
        sessions.lock(sessionId);
        TreatmentSession s = lookup.open(me, sessionId);
        LocalDate today = clinics.today(me.clinicId());
        ProtocolDocument protocol = lookup.protocol(me, s);
        Consultation consultation = consultations.get(me, s.consultationId());
        List<FieldProblem> problems = new ArrayList<>();
        Consultation.MappedArea area = null;
        if (c.areaId() == null) {
            problems.add(new FieldProblem("areaId", "is required: choose a mapped area of the leg map"));
        } else {
            area = consultation.areas().stream().filter(a -> a.id() == c.areaId()).findFirst().orElse(null);
            FieldProblem.required(problems, "areaId", area, "is not an area mapped at this patient's consultation");
        }
        Lot lot = null;
        if (c.lotId() == null) {
            problems.add(new FieldProblem("lotId", "is required: every injection records its lot"));
        } else {
            lot = lots.lot(me.clinicId(), c.lotId()).orElse(null);
            if (lot == null) {
                problems.add(new FieldProblem("lotId", "is not a lot in this clinic's stock"));
            } else if (lot.stateOn(today) == Lot.State.EXPIRED) {
                problems.add(new FieldProblem("lotId", "lot " + lot.lotNumber() + " expired on " + lot.expiryDate()
                        + " and cannot be used"));
            } else if (lot.stateOn(today) == Lot.State.RECALLED) {
                problems.add(new FieldProblem("lotId", "lot " + lot.lotNumber() + " was recalled ("
                        + lot.recallReason() + ") and cannot be used"));
            }
        }
        BigDecimal concentration = c.concentrationPercent() != null ? c.concentrationPercent()
                : lot == null ? null : lot.strengthPercent();
        DoseChecks.concentration(problems, "concentrationPercent", concentration);
        if (lot != null && concentration != null && concentration.compareTo(lot.strengthPercent()) > 0) {
            problems.add(new FieldProblem("concentrationPercent", "cannot be stronger than the lot ("
                    + lot.strengthPercent().toPlainString() + "%)"));
        }
        DoseCheck.Form form = c.form() == null ? DoseCheck.Form.LIQUID : c.form();
        DoseChecks.volume(problems, "volumeMl", c.volumeMl());
        ProtocolDocument.ChartingDefaults defaults = protocol.chartingDefaults();
        Integer lp = DoseChecks.parts(problems, "liquidParts", c.liquidParts(), defaults.foamLiquidParts());
        Integer gp = DoseChecks.parts(problems, "gasParts", c.gasParts(), defaults.foamGasParts());
        int gauge = c.needleGauge() == null ? defaults.needleGauge() : c.needleGauge();
        if (gauge < 18 || gauge > 34) {
            problems.add(new FieldProblem("needleGauge", "must be between 18 and 34 G (27-30 G is typical)"));
        }
        if (c.view() != null && !c.view().equals("FRONT") && !c.view().equals("BACK")) {
            problems.add(new FieldProblem("view", "must be FRONT or BACK"));
        }
        for (var p : List.of(Map.entry("x", c.x() == null ? BigDecimal.ZERO : c.x()),
                Map.entry("y", c.y() == null ? BigDecimal.ZERO : c.y()))) {
            if (p.getValue().signum() < 0 || p.getValue().compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(new FieldProblem(p.getKey(), "must be a point on the leg map (0 to 1000)"));
            }
        }
        String overrideReason = c.override() == null || c.override().reason() == null
                || c.override().reason().isBlank() ? null : c.override().reason().trim();
        if (overrideReason != null && overrideReason.length() > 1000) {
            problems.add(new FieldProblem("override.reason", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VeinType veinType = c.veinType() == null ? area.veinType() : c.veinType();
        DoseCheck.Injection candidate = new DoseCheck.Injection(lot.agent(), concentration, form, c.volumeMl(),
                form == DoseCheck.Form.FOAM ? lp : 1, form == DoseCheck.Form.FOAM ? gp : 4, veinType);
        DoseCheck.Result result = lookup.dose(me, s, candidate, protocol);
        String overrideCodes = null;
        if (result.status() == DoseCheck.Status.BLOCK) {
            DoseLimitReached limit = new DoseLimitReached(result);
            if (overrideReason == null) {
                throw new RefusedException(limit);
            }
            List<String> blocking = limit.blocking();
            overrideCodes = String.join(",", blocking);
        } else {
            overrideReason = null;
        }
        boolean added = injections.insertInjection(new InjectionStore.NewInjection(sessionId, area.id(), c.x(),
                c.y(), c.view(), lot.agent(), lot.id(), concentration, form,
                form == DoseCheck.Form.FOAM ? lp : null, form == DoseCheck.Form.FOAM ? gp : null,
                form == DoseCheck.Form.FOAM ? (c.gas() == null ? ChartInjection.Gas.AIR : c.gas()) : null,
                c.volumeMl(), gauge, veinType, Boolean.TRUE.equals(c.ultrasound()), overrideCodes,
                overrideReason, lookup.now(), me.getUsername()));
        if (!added) {
            throw SessionLookup.signedConflict();
        }
        if (!sessions.touch(sessionId, lookup.now(), me.getUsername())) {
            throw SessionLookup.signedConflict();
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.CHART_INJECTION, "session " + sessionId
                + (overrideCodes == null ? "" : ", dose override " + overrideCodes));
        return lookup.load(me, sessionId);
    }

    /** Repeats the last injection (agent, lot, strength, form, volume, needle) at a new point, in one step. */
    @Transactional
    public TreatmentSession repeat(VenulaPrincipal me, long sessionId, Long areaId, BigDecimal x, BigDecimal y,
            String view, String overrideReason) {
        me.requireClinicalRecord();
        TreatmentSession s = lookup.open(me, sessionId);
        TreatmentSession.Injection last = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .reduce((a, b) -> b).orElseThrow(() -> new InvalidInputException("injections",
                        "there is no injection to repeat yet: chart the first one in full"));
        return chart(me, sessionId, new ChartInjection(areaId == null ? last.areaId() : areaId, x, y,
                view == null ? last.view() : view, last.lotId(), last.concentrationPercent(),
                DoseCheck.Form.valueOf(last.form()),
                last.liquidParts() == null ? null : BigDecimal.valueOf(last.liquidParts()),
                last.gasParts() == null ? null : BigDecimal.valueOf(last.gasParts()),
                last.gas() == null ? null : ChartInjection.Gas.valueOf(last.gas()), last.volumeMl(),
                last.needleGauge(), areaId == null ? VeinType.valueOf(last.veinType()) : null, last.ultrasound(),
                overrideReason == null ? null : new ChartInjection.Override(overrideReason)));
    }

    @Transactional
    public TreatmentSession voidInjection(VenulaPrincipal me, long sessionId, long injectionId, String reason) {
        me.requireClinicalRecord();
        sessions.lock(sessionId); // a signing under way finishes first; then the session is signed, and this refused
        TreatmentSession s = lookup.open(me, sessionId);
        String why = Reason.required(reason, "is required: say why the injection is struck out");
        if (s.injections().stream().noneMatch(i -> i.id() == injectionId)) {
            throw new NotFoundException("Injection " + injectionId);
        }
        if (!injections.voidInjection(sessionId, injectionId, why, lookup.now(), me.getUsername())) {
            throw new ConflictException("injection-voided", null, "This injection is already struck out, or the "
                    + "session has been signed.");
        }
        if (!sessions.touch(sessionId, lookup.now(), me.getUsername())) {
            throw SessionLookup.signedConflict();
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "void injection " + injectionId);
        return lookup.load(me, sessionId);
    }

    @Transactional
    public TreatmentSession compression(VenulaPrincipal me, long sessionId, Compression c, Integer loaded) {
        me.requireClinicalRecord();
        TreatmentSession s = lookup.open(me, sessionId, loaded);
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "type", c.type(), "is required: STOCKING or BANDAGE");
        FieldProblem.required(problems, "length", c.length(), "is required: KNEE or THIGH");
        FieldProblem.required(problems, "standard", c.standard(),
                "is required: UK, RAL or US (a class number alone is ambiguous)");
        if (c.lowMmHg() == null || c.lowMmHg() < 5 || c.lowMmHg() > 60) {
            problems.add(new FieldProblem("lowMmHg", "is required: 5 to 60 mmHg"));
        }
        if (c.highMmHg() == null || c.highMmHg() > 60 || c.lowMmHg() != null && c.highMmHg() < c.lowMmHg()) {
            problems.add(new FieldProblem("highMmHg", "is required: from lowMmHg up to 60 mmHg"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!sessions.setCompression(sessionId, s.version(), c, lookup.now(), me.getUsername())) {
            throw lookup.editRefused(sessionId);
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "compression");
        return lookup.load(me, sessionId);
    }

    @Transactional
    public TreatmentSession reactions(VenulaPrincipal me, long sessionId, Reactions r, Integer loaded) {
        me.requireClinicalRecord();
        TreatmentSession s = lookup.open(me, sessionId, loaded);
        if (r.reactions() == null || r.reactions().isEmpty()) {
            throw new InvalidInputException("reactions", "is required: NONE, or the reactions seen");
        }
        Set<Reactions.Reaction> set = new LinkedHashSet<>(r.reactions());
        if (set.contains(Reactions.Reaction.NONE) && set.size() > 1) {
            throw new InvalidInputException("reactions", "NONE cannot be combined with a reaction");
        }
        String action = r.action() == null || r.action().isBlank() ? null : r.action().trim();
        if (!set.contains(Reactions.Reaction.NONE) && action == null) {
            throw new InvalidInputException("action", "is required: say what was done");
        }
        if (action != null && action.length() > 2000) {
            throw new InvalidInputException("action", "must be at most 2000 characters");
        }
        if (!sessions.setReactions(sessionId, s.version(), new Reactions(List.copyOf(set), action), lookup.now(),
                me.getUsername())) {
            throw lookup.editRefused(sessionId);
        }
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.UPDATE_SESSION, "reactions " + set);
        return lookup.load(me, sessionId);
    }
}
