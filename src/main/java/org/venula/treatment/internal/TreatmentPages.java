package org.venula.treatment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.assessment.Consultation;
import org.venula.assessment.LegMapShapes;
import org.venula.assessment.rules.LegMapTerms.VeinType;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.clinic.StaffAccounts;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.PatientRecord;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.Appointments;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.RefusedException;
import org.venula.shared.web.FormValues;
import org.venula.treatment.ChartInjection;
import org.venula.treatment.Compression;
import org.venula.treatment.Lot;
import org.venula.treatment.Lots;
import org.venula.treatment.NewLot;
import org.venula.treatment.Reactions;
import org.venula.treatment.Sessions;
import org.venula.treatment.StartSession;
import org.venula.treatment.TreatmentSession;
import org.venula.treatment.rules.DoseCheck;

/**
 * Pages: starting a session (checklist, weight, what blocks it), charting on the leg map with the dose meter, signing
 * and addenda; the clinic's lots with receiving, recalling and the recall search.
 */
@Controller
class TreatmentPages {

    private final Sessions sessions;
    private final Lots lots;
    private final Patients patients;
    private final Appointments appointments;
    private final Protocols protocols;
    private final Clinics clinics;
    private final ClinicDetails details;
    private final StaffAccounts accounts;

    TreatmentPages(Sessions sessions, Lots lots, Patients patients, Appointments appointments, Protocols protocols,
            Clinics clinics, ClinicDetails details, StaffAccounts accounts) {
        this.details = details;
        this.accounts = accounts;
        this.sessions = sessions;
        this.lots = lots;
        this.patients = patients;
        this.appointments = appointments;
        this.protocols = protocols;
        this.clinics = clinics;
    }

    // ---- start

    @GetMapping("/patients/{id}/sessions/new")
    String startForm(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long appointmentId, Model model) {
        Map<String, String> v = new LinkedHashMap<>();
        if (appointmentId != null) {
            v.put("appointmentId", appointmentId.toString());
        }
        PatientRecord p = patients.get(me, id);
        if (p.weightKg() != null) {
            v.put("weightKg", p.weightKg().stripTrailingZeros().toPlainString());
        }
        return renderStart(me, p, model, v, List.of(), Map.of());
    }

    @PostMapping("/patients/{id}/sessions")
    String start(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        String appointment = f.text("appointmentId");
        StartSession request = new StartSession(appointment == null ? null : Long.valueOf(appointment),
                f.text("adHocReason"), f.decimal("weightKg"), form.getOrDefault("confirmed", List.of()));
        Map<String, String> problems = new LinkedHashMap<>(f.errors());
        if (problems.isEmpty()) {
            try {
                TreatmentSession s = sessions.start(me, id, request);
                redirect.addFlashAttribute("notice", "Session started. Chart each injection on the leg map.");
                return "redirect:/sessions/" + s.id();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            } catch (RefusedException | ConflictException e) {
                problems.put("session", e.getMessage());
            }
        }
        return renderStart(me, patients.get(me, id), model, form.toSingleValueMap(),
                form.getOrDefault("confirmed", List.of()), problems);
    }

    private String renderStart(VenulaPrincipal me, PatientRecord p, Model model, Map<String, String> values,
            List<String> confirmed, Map<String, String> problems) {
        model.addAttribute("patient", p);
        model.addAttribute("v", values);
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("problems", problems);
        model.addAttribute("blockers", sessions.blockers(me, p.id()));
        model.addAttribute("checklist", protocols.active(me.clinicId()).document().treatment().checklist());
        model.addAttribute("appointments", appointments.forPatient(me, p.id()).stream()
                .filter(a -> a.type() == PathwayRules.Type.TREATMENT && a.status() != PathwayRules.Status.CANCELLED)
                .toList());
        return "treatment/start";
    }

    // ---- the session

    @GetMapping("/sessions/{id}")
    String session(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        TreatmentSession s = sessions.get(me, id);
        Consultation c = sessions.legMap(me, s);
        ProtocolDocument protocol = sessions.protocol(me, s);
        model.addAttribute("s", s);
        model.addAttribute("patient", patients.get(me, s.patientId()));
        model.addAttribute("areas", c.areas());
        model.addAttribute("shapes", LegMapShapes.ALL);
        model.addAttribute("lots", lots.all(me).stream().filter(l -> l.usableOn(clinics.today(me.clinicId())))
                .toList());
        model.addAttribute("meters", meters(s.dose(), protocol.treatment().warnAtPercent().value()));
        model.addAttribute("veinTypes", VeinType.values());
        model.addAttribute("reactionTypes", Reactions.Reaction.values());
        model.addAttribute("treatment", protocol.treatment());
        TreatmentSession.Injection last = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .reduce((a, b) -> b).orElse(null);
        model.addAttribute("last", last);
        model.addAttribute("mapped", c.areas().stream().map(a -> a.leg() + "-" + a.region()).distinct().toList());
        model.addAttribute("dots", SessionMapDots.of(s.injections(), c.areas()));
        if (!model.containsAttribute("iv")) {
            model.addAttribute("iv", defaults(last));
            model.addAttribute("injectionProblems", Map.of());
        }
        return "treatment/session";
    }

    /** The injection form filled as the last injection was, so that the next one needs few changes. */
    private static Map<String, String> defaults(TreatmentSession.Injection last) {
        Map<String, String> iv = new LinkedHashMap<>();
        iv.put("needleGauge", "30");
        iv.put("form", "LIQUID");
        if (last != null) {
            iv.put("areaId", Long.toString(last.areaId()));
            iv.put("lotId", Long.toString(last.lotId()));
            iv.put("concentrationPercent", last.concentrationPercent().toPlainString());
            iv.put("form", last.form());
            iv.put("volumeMl", last.volumeMl().toPlainString());
            iv.put("needleGauge", Integer.toString(last.needleGauge()));
            iv.put("ultrasound", Boolean.toString(last.ultrasound()));
            if (last.liquidParts() != null) {
                iv.put("liquidParts", last.liquidParts().toString());
                iv.put("gasParts", last.gasParts().toString());
                iv.put("gas", last.gas());
            }
        }
        return iv;
    }

    /** One bar of the dose meter: what it measures, the value, the limit and how full it is. */
    record Meter(String label, BigDecimal value, BigDecimal limit, String unit, int percent, String level) {
    }

    static List<Meter> meters(DoseCheck.Result dose, int warnAtPercent) {
        List<Meter> out = new ArrayList<>();
        for (DoseCheck.AgentTotal a : dose.agents()) {
            String name = org.venula.shared.Labels.sentence(a.agent());
            if (a.limitMg() != null) {
                out.add(meter(name + " today", a.totalMg(), a.limitMg(), "mg", warnAtPercent));
            }
            if (a.maxLiquidVolumeMl() != null) {
                out.add(meter(name + " liquid", a.liquidVolumeMl(), a.maxLiquidVolumeMl(), "mL", warnAtPercent));
            }
        }
        out.add(meter("Foam", dose.foamVolumeMl(), dose.maxFoamVolumeMl(), "mL", warnAtPercent));
        return out;
    }

    /** A bar of the meter; its level by the same rule as the dose check (on the rounded figures it shows). */
    private static Meter meter(String label, BigDecimal value, BigDecimal limit, String unit, int warnAtPercent) {
        int percent = limit.signum() == 0 ? 100 : value.multiply(BigDecimal.valueOf(100))
                .divide(limit, java.math.MathContext.DECIMAL64).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
        String level = DoseCheck.level(value, limit, warnAtPercent).name();
        return new Meter(label, value, limit, unit, percent, level);
    }

    @PostMapping("/sessions/{id}/injections")
    String chart(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        ChartInjection c = new ChartInjection(longValue(f, "areaId"), f.decimal("x"), f.decimal("y"), f.text("view"),
                longValue(f, "lotId"), f.decimal("concentrationPercent"), f.enumValue("form", DoseCheck.Form.class),
                f.decimal("liquidParts"), f.decimal("gasParts"), f.enumValue("gas", ChartInjection.Gas.class),
                f.decimal("volumeMl"), f.integer("needleGauge"), f.enumValue("veinType", VeinType.class),
                f.bool("ultrasound"), reason(f));
        if (!f.errors().isEmpty()) {
            return injectionError(id, form, f.errors(), null, redirect);
        }
        return attempt(id, form, redirect, () -> sessions.chart(me, id, c));
    }

    @PostMapping("/sessions/{id}/repeat")
    String repeat(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        ChartInjection.Override o = reason(f);
        // Should the repeat be stopped, the form comes back filled as the last injection at the new point, ready to
        // override with a reason.
        org.springframework.util.LinkedMultiValueMap<String, String> filled = new org.springframework.util.LinkedMultiValueMap<>();
        sessions.get(me, id).injections().stream().filter(TreatmentSession.Injection::counts).reduce((a, b) -> b)
                .ifPresent(last -> defaults(last).forEach(filled::add));
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank()) {
                filled.put(k, v);
            }
        });
        return attempt(id, filled, redirect, () -> sessions.repeat(me, id, longValue(f, "areaId"), f.decimal("x"),
                f.decimal("y"), f.text("view"), o == null ? null : o.reason()));
    }

    private String attempt(long id, MultiValueMap<String, String> form, RedirectAttributes redirect,
            java.util.function.Supplier<TreatmentSession> action) {
        try {
            TreatmentSession s = action.get();
            TreatmentSession.Injection last = s.injections().get(s.injections().size() - 1);
            redirect.addFlashAttribute("notice", "Injection " + last.seq() + " charted: " + last.areaLabel() + ".");
            return "redirect:/sessions/" + id + "#chart";
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            return injectionError(id, form, problems, null, redirect);
        } catch (RefusedException e) {
            return injectionError(id, form, Map.of(), e.getMessage(), redirect);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/sessions/" + id;
        }
    }

    private static String injectionError(long id, MultiValueMap<String, String> form, Map<String, String> problems,
            String blocked, RedirectAttributes redirect) {
        redirect.addFlashAttribute("iv", form.toSingleValueMap());
        redirect.addFlashAttribute("injectionProblems", problems);
        redirect.addFlashAttribute("blocked", blocked);
        return "redirect:/sessions/" + id + "#chart";
    }

    private static ChartInjection.Override reason(FormValues f) {
        String reason = f.text("overrideReason");
        return reason == null ? null : new ChartInjection.Override(reason);
    }

    private static Long longValue(FormValues f, String name) {
        Integer v = f.integer(name);
        return v == null ? null : v.longValue();
    }

    @PostMapping("/sessions/{id}/injections/{injectionId}/void")
    String voidInjection(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @PathVariable long injectionId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return simple(id, redirect, "Injection struck out; it stays on the record.",
                () -> sessions.voidInjection(me, id, injectionId, reason));
    }

    @PostMapping("/sessions/{id}/compression")
    String compression(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        String preset = f.text("preset");
        Integer low = f.integer("lowMmHg");
        Integer high = f.integer("highMmHg");
        Compression.Standard standard = f.enumValue("standard", Compression.Standard.class);
        if (preset != null && preset.matches("(UK|RAL|US):\\d+-\\d+")) {
            standard = Compression.Standard.valueOf(preset.substring(0, preset.indexOf(':')));
            String[] range = preset.substring(preset.indexOf(':') + 1).split("-");
            low = Integer.valueOf(range[0]);
            high = Integer.valueOf(range[1]);
        }
        Compression c = new Compression(f.enumValue("type", Compression.Type.class),
                f.enumValue("length", Compression.Length.class), low, high, standard);
        return simple(id, redirect, "Compression recorded.", () -> sessions.compression(me, id, c));
    }

    @PostMapping("/sessions/{id}/reactions")
    String reactions(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        Reactions r = new Reactions(f.enumList("reactions", Reactions.Reaction.class), f.text("action"));
        return simple(id, redirect, "Reactions recorded.", () -> sessions.reactions(me, id, r));
    }

    /** What signing will lock, to read before confirming: dose against limits, overrides, compression, reactions. */
    @GetMapping("/sessions/{id}/sign")
    String signSummary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        TreatmentSession s = sessions.get(me, id);
        if (s.signed()) {
            return "redirect:/sessions/" + id;
        }
        ProtocolDocument protocol = sessions.protocol(me, s);
        List<TreatmentSession.Injection> counted = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .toList();
        model.addAttribute("s", s);
        model.addAttribute("patient", patients.get(me, s.patientId()));
        model.addAttribute("meters", meters(s.dose(), protocol.treatment().warnAtPercent().value()));
        model.addAttribute("injections", counted);
        model.addAttribute("overrides", counted.stream().filter(i -> i.overrideReason() != null).toList());
        model.addAttribute("lotNumbers", counted.stream().map(TreatmentSession.Injection::lotNumber).distinct().toList());
        model.addAttribute("totalMl", counted.stream().map(TreatmentSession.Injection::volumeMl)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("needsPassword", details.current(me.clinicId()).signNeedsPassword());
        return "treatment/sign";
    }

    @PostMapping("/sessions/{id}/sign")
    String sign(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String confirmed, @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        sessions.get(me, id); // another clinic's session is 404 before anything else
        if (!"true".equals(confirmed)) {
            redirect.addFlashAttribute("error", "Tick that you have checked the summary, then sign.");
            return "redirect:/sessions/" + id + "/sign";
        }
        if (details.current(me.clinicId()).signNeedsPassword() && !accounts.isOwnPassword(me, password)) {
            redirect.addFlashAttribute("error", "That is not your password. The clinic asks for it again to sign.");
            return "redirect:/sessions/" + id + "/sign";
        }
        return simple(id, redirect, "Session signed and locked. Corrections are made by addendum.",
                () -> sessions.sign(me, id));
    }

    @PostMapping("/sessions/{id}/addenda")
    String addendum(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        return simple(id, redirect, "Addendum added.", () -> sessions.addendum(me, id, reason, text));
    }

    private static String simple(long id, RedirectAttributes redirect, String notice,
            java.util.function.Supplier<TreatmentSession> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", e.problems().stream()
                    .map(p -> org.venula.shared.Labels.field(p.field()) + ": " + p.message() + ".").toList()));
        } catch (ConflictException | RefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sessions/" + id;
    }

    // ---- lots

    @GetMapping("/lots")
    String lots(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) String lotNumber,
            Model model) {
        model.addAttribute("lots", lots.all(me));
        model.addAttribute("today", clinics.today(me.clinicId()));
        model.addAttribute("sclerosants", protocols.active(me.clinicId()).document().sclerosants());
        if (lotNumber != null && !lotNumber.isBlank()) {
            model.addAttribute("lotNumber", lotNumber.trim());
            model.addAttribute("recipients", lots.recipients(me, lotNumber));
        }
        if (!model.containsAttribute("lv")) {
            model.addAttribute("lv", Map.of());
            model.addAttribute("lotProblems", Map.of());
        }
        return "treatment/lots";
    }

    @PostMapping("/lots")
    String receive(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        NewLot lot = new NewLot(f.text("agent"), f.text("product"), f.decimal("strengthPercent"),
                f.text("lotNumber"), f.date("expiryDate"), f.date("receivedOn"), f.integer("quantity"));
        Map<String, String> problems = new LinkedHashMap<>(f.errors());
        if (problems.isEmpty()) {
            try {
                Lot saved = lots.receive(me, lot);
                redirect.addFlashAttribute("notice", "Lot " + saved.lotNumber() + " received into stock.");
                return "redirect:/lots";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            } catch (ConflictException e) {
                problems.put(e.field() == null ? "lotNumber" : e.field(), e.getMessage());
            }
        }
        redirect.addFlashAttribute("lv", form.toSingleValueMap());
        redirect.addFlashAttribute("lotProblems", problems);
        return "redirect:/lots#receive";
    }

    @PostMapping("/lots/{lotId}/recall")
    String recall(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long lotId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Lot lot = lots.recall(me, lotId, reason);
            redirect.addFlashAttribute("notice", "Lot " + lot.lotNumber() + " recalled: it can no longer be charted.");
            return "redirect:/lots?lotNumber=" + java.net.URLEncoder.encode(lot.lotNumber(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e instanceof InvalidInputException
                    ? "Give the reason for the recall." : e.getMessage());
            return "redirect:/lots";
        }
    }

    @GetMapping("/patients/{id}/sessions/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("sessions", sessions.forPatient(me, id));
        return "treatment/summary :: panel";
    }
}
