package org.venula.followup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.internal.AuditStore;
import org.venula.followup.internal.FollowUpStore;
import org.venula.followup.rules.ComplicationRules;
import org.venula.followup.rules.Stats;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The outcome audit for the clinic lead (administrators): rates, intervals, funnel plots and a CSV export. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Audit {

    /** Overdue reviews the audit lists; the recall list has every one. */
    static final int OVERDUE_SHOWN = 200;

    private final AuditStore store;
    private final FollowUpStore tasks;
    private final Protocols protocols;
    private final Clinics clinics;

    /** The audit over session dates from..to (both inclusive); the last 12 months when left out. */
    public OutcomeAudit outcomes(VenulaPrincipal me, LocalDate from, LocalDate to) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("The outcome audit is for the clinic lead (administrators)");
        }
        LocalDate today = clinics.today(me.clinicId());
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        List<FieldProblem> problems = new ArrayList<>();
        if (end.isBefore(start)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        } else if (start.plusYears(10).isBefore(end)) {
            problems.add(new FieldProblem("to", "the period can be at most 10 years"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long clinic = me.clinicId();
        ProtocolDocument protocol = protocols.active(clinic).document();
        AuditStore.Totals totals = store.totals(clinic, start, end);
        List<AuditStore.PractitionerSessions> byPractitioner = store.byPractitioner(clinic, start, end);
        List<AuditStore.Events> events = store.events(clinic, start, end);
        Map<String, Long> clinicEvents = new HashMap<>();
        Map<String, Long> practitionerEvents = new HashMap<>();
        for (AuditStore.Events e : events) {
            clinicEvents.merge(e.type(), e.sessions(), Long::sum);
            practitionerEvents.put(e.type() + "/" + e.practitionerId(), e.sessions());
        }
        List<OutcomeAudit.Rate> rates = new ArrayList<>();
        List<OutcomeAudit.Funnel> funnels = new ArrayList<>();
        long maxSessions = byPractitioner.stream().mapToLong(AuditStore.PractitionerSessions::sessions).max().orElse(0);
        for (ComplicationRules.Type type : ComplicationRules.Type.values()) {
            long x = clinicEvents.getOrDefault(type.name(), 0L);
            rates.add(rate(type.name(), x, totals.sessions(), reference(protocol, type.name())));
            double target = totals.sessions() == 0 ? 0 : (double) x / totals.sessions();
            List<OutcomeAudit.Point> points = new ArrayList<>();
            for (AuditStore.PractitionerSessions p : byPractitioner) {
                long px = practitionerEvents.getOrDefault(type.name() + "/" + p.practitionerId(), 0L);
                double r = p.sessions() == 0 ? 0 : (double) px / p.sessions();
                Stats.Interval l95 = Stats.funnel(target, p.sessions(), Stats.Z95);
                Stats.Interval l998 = Stats.funnel(target, p.sessions(), Stats.Z998);
                points.add(new OutcomeAudit.Point(p.practitionerId(), p.name(), p.sessions(), px, r,
                        r < l95.low() || r > l95.high(), r < l998.low() || r > l998.high()));
            }
            funnels.add(new OutcomeAudit.Funnel(type.name(), target, points, limits(target, maxSessions)));
        }
        List<OutcomeAudit.PractitionerRates> practitioners = byPractitioner.stream()
                .map(p -> new OutcomeAudit.PractitionerRates(p.practitionerId(), p.name(), p.sessions(),
                        java.util.Arrays.stream(ComplicationRules.Type.values()).map(t -> rate(t.name(),
                                practitionerEvents.getOrDefault(t.name() + "/" + p.practitionerId(), 0L), p.sessions(),
                                null)).toList()))
                .toList();
        AuditStore.Overrides overrides = store.overrides(clinic, start, end);
        AuditStore.Satisfaction satisfaction = store.satisfaction(clinic, start, end);
        AuditStore.Clearances clearances = store.clearances(clinic, start, end);
        AuditStore.Completeness complete = store.completeness(clinic, start, end, today,
                protocol.booking().reviewFromDays().value(), protocol.booking().reviewToDays().value());
        List<FollowUpTask> overdue = tasks.overdueReviews(clinic, today, clinics.clinic(clinic).zone(),
                OVERDUE_SHOWN + 1);
        return new OutcomeAudit(start, end, totals.patients(), totals.sessions(), totals.courses(),
                totals.courses() == 0 ? null : (double) totals.sessions() / totals.courses(),
                Stats.median(clearances.firstReview()), Stats.median(clearances.courseEnd()), satisfaction.reviews(),
                satisfaction.meanSatisfaction(),
                satisfaction.answered() == 0 ? null : (double) satisfaction.wouldRepeat() / satisfaction.answered(),
                rates, practitioners, rate("DOSE_OVERRIDE", overrides.sessions(), totals.sessions(), null),
                overrides.injections(), new OutcomeAudit.FollowUpCompleteness(complete.due(), complete.reviewed(),
                        complete.due() == 0 ? null : (double) complete.reviewed() / complete.due(),
                        overdue.subList(0, Math.min(OVERDUE_SHOWN, overdue.size())), overdue.size() > OVERDUE_SHOWN),
                funnels);
    }

    static OutcomeAudit.Rate rate(String type, long x, long n, OutcomeAudit.Reference reference) {
        Stats.Interval ci = Stats.wilson(x, n, Stats.Z95);
        return new OutcomeAudit.Rate(type, x, n, n == 0 ? 0 : (double) x / n, ci.low(), ci.high(), reference);
    }

    private static OutcomeAudit.Reference reference(ProtocolDocument protocol, String type) {
        if (protocol.audit() == null || protocol.audit().references() == null) {
            return null;
        }
        ProtocolDocument.Reference r = protocol.audit().references().get(type);
        return r == null ? null : new OutcomeAudit.Reference(r.rate(), r.low(), r.high(), r.text(),
                protocol.cite(r.source()));
    }

    /** Control limits sampled from 1 session to a little beyond the busiest practitioner, for drawing. */
    static List<OutcomeAudit.Limit> limits(double target, long maxSessions) {
        long top = Math.max(20, Math.round(maxSessions * 2.0));
        List<OutcomeAudit.Limit> out = new ArrayList<>();
        int steps = 60;
        for (int i = 0; i <= steps; i++) {
            long n = Math.max(1, Math.round(Math.pow(top, (double) i / steps)));
            if (!out.isEmpty() && out.get(out.size() - 1).sessions() == n) {
                continue;
            }
            Stats.Interval a = Stats.funnel(target, n, Stats.Z95);
            Stats.Interval b = Stats.funnel(target, n, Stats.Z998);
            out.add(new OutcomeAudit.Limit(n, a.low(), a.high(), b.low(), b.high()));
        }
        return out;
    }

    /** The funnel plot of one complication type as SVG; 404 for a type the register does not know. */
    public String funnelSvg(OutcomeAudit audit, String type) {
        OutcomeAudit.Funnel f = audit.funnels().stream().filter(x -> x.type().equals(type)).findFirst()
                .orElseThrow(() -> new org.venula.shared.NotFoundException("Complication type " + type));
        return org.venula.followup.internal.FunnelSvg.render(f, org.venula.shared.Labels.sentence(type) + ", "
                + audit.from() + " to " + audit.to());
    }

    public static String csvFileName(OutcomeAudit audit) {
        return "venula-outcomes-" + audit.from() + "-" + audit.to() + ".csv";
    }

    /** The audit as CSV: one row per complication type for the clinic and for each practitioner, then overrides. */
    public String csv(OutcomeAudit audit) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("scope", "practitioner",
                "measure", "events", "sessions", "rate", "ci95_low", "ci95_high", "reference", "reference_source",
                "from", "to").get())) {
            for (OutcomeAudit.Rate r : audit.complications()) {
                row(csv, "clinic", "", r, audit);
            }
            for (OutcomeAudit.PractitionerRates p : audit.practitioners()) {
                for (OutcomeAudit.Rate r : p.complications()) {
                    row(csv, "practitioner", p.name(), r, audit);
                }
            }
            row(csv, "clinic", "", audit.doseOverrides(), audit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(CSVPrinter csv, String scope, String practitioner, OutcomeAudit.Rate r, OutcomeAudit a)
            throws IOException {
        csv.printRecord(scope, practitioner, r.type(), r.events(), r.sessions(), fixed(r.rate()), fixed(r.ciLow()),
                fixed(r.ciHigh()), r.reference() == null ? "" : r.reference().text(),
                r.reference() == null ? "" : r.reference().source(), a.from(), a.to());
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
