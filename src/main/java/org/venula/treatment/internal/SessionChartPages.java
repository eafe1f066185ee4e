package org.venula.treatment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.assessment.Consultation;
import org.venula.assessment.LegMapShapes;
import org.venula.protocol.VeinType;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.RefusedException;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;
import org.venula.treatment.ChartInjection;
import org.venula.treatment.Compression;
import org.venula.treatment.Lots;
import org.venula.treatment.Reactions;
import org.venula.treatment.SessionCharting;
import org.venula.treatment.Sessions;
import org.venula.treatment.TreatmentSession;
import org.venula.treatment.rules.DoseCheck;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Pages: the session, charted on the leg map with the dose meter; each injection (or a repeat of the last), striking
 * one out, compression and immediate reactions.
 */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionChartPages {

    private final Sessions sessions;
    private final SessionCharting charting;
    private final Lots lots;
    private final Patients patients;
    private final Clinics clinics;

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
        model.addAttribute("meters", DoseMeters.of(s.dose(), protocol.treatment().warnAtPercent().value()));
        model.addAttribute("veinTypes", VeinType.values());
        model.addAttribute("reactionTypes", Reactions.Reaction.values());
        model.addAttribute("treatment", protocol.treatment());
        TreatmentSession.Injection last = s.injections().stream().filter(TreatmentSession.Injection::counts)
                .reduce((a, b) -> b).orElse(null);
        model.addAttribute("last", last);
        model.addAttribute("mapped", c.areas().stream().map(a -> a.leg() + "-" + a.region()).distinct().toList());
        model.addAttribute("dots", SessionMapDots.of(s.injections(), c.areas()));
        if (!model.containsAttribute("iv")) {
            model.addAttribute("iv", defaults(last, protocol.chartingDefaults().needleGauge()));
            model.addAttribute("injectionProblems", Map.of());
        }
        return "treatment/session";
    }

    /**
     * The injection form filled as the last injection was, so that the next one needs few changes; the first one
     * with the protocol's needle.
     */
    private static Map<String, String> defaults(TreatmentSession.Injection last, int needleGauge) {
        Map<String, String> iv = new LinkedHashMap<>();
        iv.put("needleGauge", Integer.toString(needleGauge));
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

    /**
     * The injection form and its repeat stay read field by field with {@link FormValues}: they come back filled as
     * typed, with every value that cannot be read beside its field, and read a decimal comma ({@code 0,5} mL).
     */
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
        return attempt(id, form, redirect, () -> charting.chart(me, id, c));
    }

    @PostMapping("/sessions/{id}/repeat")
    String repeat(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        ChartInjection.Override o = reason(f);
        // Should the repeat be stopped, the form comes back filled as the last injection at the new point, ready to
        // override with a reason.
        LinkedMultiValueMap<String, String> filled = new LinkedMultiValueMap<>();
        sessions.get(me, id).injections().stream().filter(TreatmentSession.Injection::counts).reduce((a, b) -> b)
                .ifPresent(last -> defaults(last, last.needleGauge()).forEach(filled::add));
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank()) {
                filled.put(k, v);
            }
        });
        return attempt(id, filled, redirect, () -> charting.repeat(me, id, longValue(f, "areaId"), f.decimal("x"),
                f.decimal("y"), f.text("view"), o == null ? null : o.reason()));
    }

    private String attempt(long id, MultiValueMap<String, String> form, RedirectAttributes redirect,
            Supplier<TreatmentSession> action) {
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

    record StrikeOutInjectionForm(String reason) {
    }

    @PostMapping("/sessions/{id}/injections/{injectionId}/void")
    String voidInjection(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @PathVariable long injectionId, @Form StrikeOutInjectionForm form, RedirectAttributes redirect) {
        return SessionRedirects.afterChange(id, redirect, "Injection struck out; it stays on the record.",
                () -> charting.voidInjection(me, id, injectionId, form.reason()));
    }

    /** The garment and its pressure, either chosen from the presets ({@code UK:18-21}) or given as a range. */
    record RecordCompressionForm(Compression.Type type, Compression.Length length, Integer lowMmHg, Integer highMmHg,
            Compression.Standard standard, String preset) {
        Compression compression() {
            if (preset != null && preset.matches("(UK|RAL|US):\\d+-\\d+")) {
                String[] range = preset.substring(preset.indexOf(':') + 1).split("-");
                return new Compression(type, length, Integer.valueOf(range[0]), Integer.valueOf(range[1]),
                        Compression.Standard.valueOf(preset.substring(0, preset.indexOf(':'))));
            }
            return new Compression(type, length, lowMmHg, highMmHg, standard);
        }
    }

    @PostMapping("/sessions/{id}/compression")
    String compression(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form RecordCompressionForm form, RedirectAttributes redirect) {
        return SessionRedirects.afterChange(id, redirect, "Compression recorded.",
                () -> charting.compression(me, id, form.compression(), null));
    }

    /** The reactions seen straight after the injections (none ticked is none recorded) and what was done. */
    record RecordReactionsForm(List<Reactions.Reaction> reactions, String action) {
        Reactions seen() {
            return new Reactions(reactions == null ? List.of() : reactions, action);
        }
    }

    @PostMapping("/sessions/{id}/reactions")
    String reactions(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @Form RecordReactionsForm form, RedirectAttributes redirect) {
        return SessionRedirects.afterChange(id, redirect, "Reactions recorded.",
                () -> charting.reactions(me, id, form.seen(), null));
    }
}
