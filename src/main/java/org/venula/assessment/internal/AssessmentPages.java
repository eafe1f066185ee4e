package org.venula.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.assessment.Consultation;
import org.venula.assessment.LegMapShapes;
import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.ConsultationRequest.AreaEntry;
import org.venula.assessment.ConsultationRequest.CeapLeg;
import org.venula.assessment.Consultations;
import org.venula.assessment.Photo;
import org.venula.assessment.Photos;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.assessment.rules.LegMapTerms.Symptom;
import org.venula.protocol.VeinType;
import org.venula.assessment.rules.Vcss;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.DuplexResult;
import org.venula.patient.Patients;
import org.venula.protocol.Protocols;
import org.venula.screening.rules.Area;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;
import org.venula.shared.PayloadRejectedException;
import org.venula.shared.web.Form;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: the consultation form with the leg map, a consultation with its photos, and photos side by side. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AssessmentPages {

    static final int AREA_ROWS = 10;

    private final Consultations consultations;
    private final Photos photos;
    private final Patients patients;
    private final Clinics clinics;
    private final Protocols protocols;

    @GetMapping("/patients/{id}/consultations/new")
    String form(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        me.requireClinicalRecord();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("consultedOn", clinics.today(me.clinicId()).toString());
        v.put("area", Area.LEGS.name());
        clinics.practitionerOfUser(me.userId()).ifPresent(p -> v.put("practitionerId", Long.toString(p.id())));
        return renderForm(me, id, model, v, List.of(), Map.of());
    }

    /**
     * The consultation form names its leg-map rows and legs ({@code areas[3].veinType}, {@code ceap.left.clinical},
     * {@code vcss.right.pain}) and shows every value it cannot read beside its field, as typed, so it stays read with
     * {@link FormValues}.
     */
    @PostMapping("/patients/{id}/consultations")
    String record(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues f = new FormValues(form);
        ConsultationRequest request = read(f);
        Map<String, String> problems = new LinkedHashMap<>(f.errors());
        if (problems.isEmpty()) {
            try {
                Consultation c = consultations.record(me, id, request);
                redirect.addFlashAttribute("notice", "Consultation recorded: " + Labels.sentence(c.outcome().name()) + ".");
                return "redirect:/consultations/" + c.id();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            }
        }
        return renderForm(me, id, model, form.toSingleValueMap(), form.getOrDefault("symptoms", List.of()), problems);
    }

    @GetMapping("/consultations/{cid}")
    String view(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid, Model model) {
        Consultation c = consultations.get(me, cid);
        model.addAttribute("c", c);
        model.addAttribute("patient", patients.get(me, c.patientId()));
        model.addAttribute("shapes", LegMapShapes.ALL);
        model.addAttribute("marked", marked(c));
        model.addAttribute("photos", photos.forConsultation(me, cid));
        model.addAttribute("views", Photo.View.values());
        model.addAttribute("outcomes", ConsultationOutcome.values());
        model.addAttribute("plan", protocols.active(me.clinicId()).document().plan());
        model.addAttribute("maxPhotoMb", photos.maxBytes() / 1024 / 1024);
        return "assessment/view";
    }

    /** The outcome the clinician decides instead of the derived one, and why. */
    record OverrideOutcomeForm(ConsultationOutcome outcome, String reason) {
    }

    @PostMapping("/consultations/{cid}/override")
    String override(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid,
            @Form OverrideOutcomeForm form, RedirectAttributes redirect) {
        try {
            consultations.override(me, cid, form.outcome(), form.reason());
            redirect.addFlashAttribute("notice", "Outcome overridden; the reason is recorded.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("overrideError", e instanceof InvalidInputException ii
                    ? "Choose an outcome and give the reason." : e.getMessage());
        }
        return "redirect:/consultations/" + cid;
    }

    /** What a photo shows: the leg map's area and view, the day it was taken, notes; the file comes beside it. */
    record AddPhotoForm(Long areaId, Photo.View view, LocalDate takenOn, String notes) {
    }

    @PostMapping("/consultations/{cid}/photos")
    String upload(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long cid,
            @RequestParam(name = "file", required = false) MultipartFile file, @Form AddPhotoForm form,
            RedirectAttributes redirect) throws java.io.IOException {
        try {
            photos.upload(me, cid, file == null ? null : file.getBytes(), form.areaId(), form.view(), form.takenOn(),
                    form.notes());
            redirect.addFlashAttribute("notice", "Photo added.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("photoError", e.problems().get(0).field() + ": " + e.problems().get(0).message());
        } catch (PayloadRejectedException e) {
            redirect.addFlashAttribute("photoError", e.getMessage());
        }
        return "redirect:/consultations/" + cid + "#photos";
    }

    @GetMapping("/photos/{pid}")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long pid,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return ConsultationsApi.served(photos.image(me, pid, thumbnail));
    }

    @GetMapping("/patients/{id}/photos/compare")
    String compare(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long left, @RequestParam(required = false) Long right, Model model) {
        List<Photo> all = photos.forPatient(me, id);
        model.addAttribute("patient", patients.get(me, id));
        model.addAttribute("photos", all);
        Photo l = left == null ? (all.size() > 1 ? all.get(all.size() - 1) : null) : photos.find(me, left);
        Photo r = right == null ? (all.isEmpty() ? null : all.get(0)) : photos.find(me, right);
        model.addAttribute("left", l != null && l.patientId() == id ? l : null);
        model.addAttribute("right", r != null && r.patientId() == id ? r : null);
        return "assessment/compare";
    }

    @GetMapping("/patients/{id}/consultations/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("latest", consultations.forPatient(me, id).stream().findFirst().orElse(null));
        return "assessment/summary :: panel";
    }

    private String renderForm(VenulaPrincipal me, long id, Model model, Map<String, String> values,
            List<String> symptoms, Map<String, String> problems) {
        model.addAttribute("patient", patients.get(me, id));
        model.addAttribute("v", values);
        model.addAttribute("checkedSymptoms", symptoms);
        model.addAttribute("problems", problems);
        model.addAttribute("practitioners", clinics.practitioners(me.clinicId()));
        model.addAttribute("areas", Area.values());
        model.addAttribute("refluxResults", List.of(DuplexResult.NO_REFLUX, DuplexResult.SUPERFICIAL_REFLUX,
                DuplexResult.DEEP_REFLUX));
        model.addAttribute("classes", ClinicalClass.values());
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("legs", Leg.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("veinTypes", VeinType.values());
        model.addAttribute("sizes", AreaSize.values());
        model.addAttribute("outcomes", ConsultationOutcome.values());
        model.addAttribute("vcssItems", Vcss.ITEM_NAMES);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, AREA_ROWS).boxed().toList());
        model.addAttribute("shapes", LegMapShapes.ALL);
        model.addAttribute("marked", Set.of());
        return "assessment/form";
    }

    private static ConsultationRequest read(FormValues f) {
        List<AreaEntry> areas = new ArrayList<>();
        for (int i = 0; i < AREA_ROWS; i++) {
            String p = "areas[" + i + "].";
            Leg leg = f.enumValue(p + "leg", Leg.class);
            if (leg == null) {
                continue;
            }
            areas.add(new AreaEntry(leg, f.enumValue(p + "region", Region.class), f.enumValue(p + "aspect", Aspect.class),
                    f.enumValue(p + "veinType", VeinType.class), f.enumValue(p + "size", AreaSize.class),
                    f.text(p + "note")));
        }
        ConsultationOutcome override = f.enumValue("override.outcome", ConsultationOutcome.class);
        String reason = f.text("override.reason");
        return new ConsultationRequest(f.date("consultedOn"), f.enumValue("area", Area.class),
                f.integer("practitionerId") == null ? null : f.integer("practitionerId").longValue(),
                f.bool("standingExamination"), Boolean.valueOf("true".equals(f.text("dopplerDone"))),
                Boolean.valueOf("true".equals(f.text("duplexDone"))), f.enumValue("refluxResult", DuplexResult.class),
                f.text("refluxSegments"), f.bool("visibleVaricoseVeins"),
                new ConsultationRequest.Ceap(ceap(f, "ceap.left."), ceap(f, "ceap.right.")),
                vcss(f), f.enumList("symptoms", Symptom.class), areas, f.text("notes"),
                override == null && reason == null ? null : new ConsultationRequest.Override(override, reason));
    }

    private static CeapLeg ceap(FormValues f, String p) {
        return new CeapLeg(f.enumValue(p + "clinical", ClinicalClass.class), f.bool(p + "symptomatic"),
                f.text(p + "etiology"), f.text(p + "anatomy"), f.text(p + "pathophysiology"));
    }

    /** VCSS is optional: a leg with no item scored has no VCSS; one with some scored must have all ten. */
    private static ConsultationRequest.VcssPerLeg vcss(FormValues f) {
        Vcss left = vcssLeg(f, "vcss.left.");
        Vcss right = vcssLeg(f, "vcss.right.");
        return left == null && right == null ? null : new ConsultationRequest.VcssPerLeg(left, right);
    }

    private static Vcss vcssLeg(FormValues f, String p) {
        Integer[] items = new Integer[Vcss.ITEM_NAMES.length];
        boolean any = false;
        for (int i = 0; i < items.length; i++) {
            items[i] = f.integer(p + Vcss.ITEM_NAMES[i]);
            any |= items[i] != null;
        }
        return any ? new Vcss(items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7],
                items[8], items[9]) : null;
    }

    private static Set<String> marked(Consultation c) {
        Set<String> keys = new HashSet<>();
        for (Consultation.MappedArea a : c.areas()) {
            Aspect shown = a.aspect() == Aspect.POSTERIOR ? Aspect.POSTERIOR : Aspect.ANTERIOR;
            keys.add(a.leg() + "-" + a.region() + "-" + shown);
        }
        return keys;
    }
}
