package org.venula.treatment.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.Protocols;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Paging;
import org.venula.shared.web.FormValues;
import org.venula.treatment.Lot;
import org.venula.treatment.LotRecipient;
import org.venula.treatment.Lots;
import org.venula.treatment.NewLot;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormOutcome;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: the clinic's lots, receiving a lot into stock, recalling one and the recall search. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LotPages {

    private final Lots lots;
    private final Clinics clinics;
    private final Protocols protocols;

    @GetMapping("/lots")
    String lots(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) String lotNumber,
            @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("lots", lots.all(me));
        model.addAttribute("today", clinics.today(me.clinicId()));
        model.addAttribute("sclerosants", protocols.active(me.clinicId()).document().sclerosants());
        if (lotNumber != null && !lotNumber.isBlank()) {
            model.addAttribute("lotNumber", lotNumber.trim());
            Paging.Paged<LotRecipient> shown = lots.recipients(me, lotNumber, Paging.of(page, null));
            model.addAttribute("recipients", shown.items());
            model.addAttribute("shown", shown);
        }
        if (!model.containsAttribute("lv")) {
            model.addAttribute("lv", Map.of());
            model.addAttribute("lotProblems", Map.of());
        }
        return "treatment/lots";
    }

    /** Read field by field with {@link FormValues}: every value it cannot read is shown beside its field, as typed. */
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

    record RecallLotForm(String reason) {
    }

    @PostMapping("/lots/{lotId}/recall")
    String recall(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long lotId, @Form RecallLotForm form,
            RedirectAttributes redirect) {
        return FormOutcome.of(redirect, "Not recalled").shownAs("error").whenInvalid("give the reason for the recall")
                .attempt(() -> lots.recall(me, lotId, form.reason()),
                        lot -> "Lot " + lot.lotNumber() + " recalled: it can no longer be charted.")
                .map(lot -> "redirect:/lots?lotNumber=" + URLEncoder.encode(lot.lotNumber(), StandardCharsets.UTF_8))
                .orElse("redirect:/lots");
    }
}
