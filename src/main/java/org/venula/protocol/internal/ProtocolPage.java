package org.venula.protocol.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.DuplexPolicy;
import org.venula.protocol.Level;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.IntSetting;
import org.venula.protocol.ProtocolDocument.DuplexSetting;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.ProtocolDocument.ScreeningSettings;
import org.venula.protocol.ProtocolVersion;
import org.venula.protocol.Protocols;
import org.venula.protocol.ScreeningRule;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The admin's protocol page: the active version with every parameter and its source, edits, presets, versions. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProtocolPage {

    private final Protocols protocols;
    private final tools.jackson.databind.json.JsonMapper json;

    @GetMapping("/admin/protocol")
    String page(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        return render(me, model, Map.of(), null);
    }

    /**
     * The parameters form names its fields per screening rule ({@code rule.ANTIBIOTICS.windowDays}) and per section
     * ({@code prices.hosieryPrice}), and shows every value it cannot read beside its field with what was typed, so it
     * stays read field by field with {@link FormValues}.
     */
    @PostMapping("/admin/protocol")
    String save(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes redirect) {
        ProtocolVersion active = protocols.active(me.clinicId());
        FormValues f = new FormValues(form);
        ProtocolDocument edited = edit(active.document(), f);
        Map<String, String> problems = new LinkedHashMap<>(f.errors());
        if (problems.isEmpty()) {
            try {
                ProtocolVersion saved = protocols.saveActive(me, edited, f.text("note"));
                redirect.addFlashAttribute("notice", "Saved as version " + saved.version() + ".");
                return "redirect:/admin/protocol";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            }
        }
        return render(me, model, problems, form);
    }

    /** A whole protocol document edited as JSON, and a note on what changed. */
    record EditProtocolDocumentForm(String document, String note) {
        /** The document as typed; an empty one is not a valid document either. */
        String text() {
            return document == null ? "" : document;
        }
    }

    /** Saves a whole document edited as JSON: every parameter, including texts, agents and consent risks. */
    @PostMapping("/admin/protocol/document")
    String saveDocument(@AuthenticationPrincipal VenulaPrincipal me, @Form EditProtocolDocumentForm form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            ProtocolDocument doc = json.readValue(form.text(), ProtocolDocument.class);
            ProtocolVersion saved = protocols.saveActive(me, doc, form.note());
            redirect.addFlashAttribute("notice", "Saved as version " + saved.version() + ".");
            return "redirect:/admin/protocol";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
        } catch (tools.jackson.core.JacksonException e) {
            problems.put("document", "is not a valid protocol document: " + e.getOriginalMessage());
        }
        model.addAttribute("documentText", form.text());
        return render(me, model, problems, null);
    }

    /** One of the presets shipped with Venula, by its id. */
    record AdoptPresetForm(String preset) {
    }

    @PostMapping("/admin/protocol/adopt")
    String adopt(@AuthenticationPrincipal VenulaPrincipal me, @Form AdoptPresetForm form, RedirectAttributes redirect) {
        ProtocolVersion saved = protocols.saveActive(me, protocols.preset(form.preset()),
                "Adopted the preset '" + form.preset() + "'");
        redirect.addFlashAttribute("notice", "Adopted '" + saved.name() + "' as version " + saved.version() + ".");
        return "redirect:/admin/protocol";
    }

    @GetMapping("/admin/protocol/versions/{version}")
    String version(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable int version, Model model) {
        ProtocolVersion shown = protocols.version(me.clinicId(), version);
        model.addAttribute("shown", shown);
        model.addAttribute("rules", rows(shown.document()));
        model.addAttribute("changes", version > 1
                ? Protocols.changes(protocols.version(me.clinicId(), version - 1).document(), shown.document())
                : List.of());
        return "protocol/version";
    }

    private String render(VenulaPrincipal me, Model model, Map<String, String> problems,
            MultiValueMap<String, String> submitted) {
        ProtocolVersion active = protocols.active(me.clinicId());
        model.addAttribute("active", active);
        model.addAttribute("rules", rows(active.document()));
        model.addAttribute("versions", protocols.versions(me.clinicId()));
        model.addAttribute("presets", protocols.presets());
        model.addAttribute("levels", Level.values());
        model.addAttribute("duplexPolicies", DuplexPolicy.values());
        model.addAttribute("problems", problems);
        model.addAttribute("submitted", submitted);
        if (!model.containsAttribute("documentText")) {
            model.addAttribute("documentText", json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(active.document()));
        }
        return "protocol/page";
    }

    /** The active document with the parameters from the form applied. */
    private static ProtocolDocument edit(ProtocolDocument doc, FormValues f) {
        ScreeningSettings s = doc.screening();
        Map<ScreeningRule, RuleSetting> rules = new EnumMap<>(ScreeningRule.class);
        for (ScreeningRule rule : ScreeningRule.values()) {
            RuleSetting r = s.rules().get(rule);
            String p = "rule." + rule.name() + ".";
            rules.put(rule, new RuleSetting("true".equals(f.text(p + "enabled")), f.enumValue(p + "level", Level.class),
                    rule.windowed() ? f.integer(p + "windowDays") : null, r.restrictions(), f.text(p + "source"),
                    f.text(p + "clinicianText"), f.text(p + "patientText")));
        }
        ProtocolDocument.PlanSettings p = doc.plan();
        ProtocolDocument.PlanSettings plan = new ProtocolDocument.PlanSettings(
                new IntSetting(f.integer("plan.sessionsMin"), p.sessionsMin().source()),
                new IntSetting(f.integer("plan.sessionsMax"), p.sessionsMax().source()),
                new IntSetting(f.integer("plan.intervalMinDays"), p.intervalMinDays().source()),
                new IntSetting(f.integer("plan.intervalTypicalDays"), p.intervalTypicalDays().source()),
                p.agentByVeinType(), p.expectedResults(), p.advice());
        ProtocolDocument.PriceSettings prices = new ProtocolDocument.PriceSettings(f.text("prices.currency"),
                f.decimal("prices.consultationFee"), "true".equals(f.text("prices.consultationFeeRedeemable")),
                f.decimal("prices.sessionPriceSmall"), f.decimal("prices.sessionPriceMedium"),
                f.decimal("prices.sessionPriceLarge"), f.integer("prices.smallBandMaxHands"),
                f.integer("prices.mediumBandMaxHands"), f.decimal("prices.hosieryPrice"), f.integer("prices.hosieryPairs"),
                f.integer("prices.quoteValidityDays"), f.text("prices.source"));
        return new ProtocolDocument(doc.id(), doc.name(), doc.description(), doc.version(),
                new ScreeningSettings(new DuplexSetting(f.enumValue("duplexRequired", DuplexPolicy.class),
                        f.text("duplexRequiredSource")),
                        new IntSetting(f.integer("clearanceValidityDays"), f.text("clearanceValiditySource")), rules),
                doc.sclerosants(), plan, prices, doc.consent(), doc.booking(), doc.treatment(), doc.aftercare(), doc.audit(),
                doc.sources());
    }

    record RuleRow(String code, boolean windowed, RuleSetting setting) {
    }

    private static List<RuleRow> rows(ProtocolDocument doc) {
        List<RuleRow> rows = new ArrayList<>();
        for (ScreeningRule rule : ScreeningRule.values()) {
            rows.add(new RuleRow(rule.name(), rule.windowed(), doc.rule(rule)));
        }
        return rows;
    }
}
