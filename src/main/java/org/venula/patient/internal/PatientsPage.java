package org.venula.patient.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.venula.accesslog.AccessEntry;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.DuplexResult;
import org.venula.patient.HistoryQuestions;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.PatientDraft;
import org.venula.patient.PatientPage;
import org.venula.patient.PatientRecord;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.patient.Sclerosant;
import org.venula.patient.Sex;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Paging;
import org.venula.shared.web.Downloads;
import org.venula.shared.web.FormValues;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Pages: patient list and search, registration, demographics, the chart, the medical history and its versions. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PatientsPage {

    private static final int PAGE_SIZE = 20;

    private final Patients patients;
    private final MedicalHistories histories;
    private final org.venula.patient.HistoryProposals proposals;

    @GetMapping("/patients")
    String list(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String q = query == null ? "" : query.trim();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        PatientPage result = patients.search(me, q, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("query", q);
        model.addAttribute("result", result);
        model.addAttribute("today", patients.today(me));
        return htmx != null ? "patient/list :: results" : "patient/list";
    }

    @GetMapping("/patients/new")
    String newPatient(Model model) {
        return form(model, null, Map.of("sex", ""), Map.of());
    }

    /**
     * Registration, amendment and the medical history are read field by field with {@link FormValues}: the form comes
     * back as typed with every unreadable value beside its field, together with the checks the API applies; the
     * history's names come from {@link HistoryQuestions}.
     */
    @PostMapping("/patients")
    String register(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(form);
        PatientDraft draft = draft(values);
        Map<String, String> errors = merge(values, patients.problemsWith(me, draft));
        String saved = save(errors, false, () -> {
            PatientRecord p = patients.register(me, draft);
            redirect.addFlashAttribute("notice", p.fullName() + " is registered. Record the medical history next.");
            return "redirect:/patients/" + p.id();
        });
        return saved != null ? saved : form(model, null, form.toSingleValueMap(), errors);
    }

    @GetMapping("/patients/{id}")
    String chart(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        PatientRecord p = patients.get(me, id);
        model.addAttribute("patient", p);
        model.addAttribute("today", patients.today(me));
        if (me.seesClinicalRecord()) {
            HistoryVersion current = histories.current(me, id);
            List<HistoryVersion> versions = histories.versions(me, id);
            model.addAttribute("history", current);
            model.addAttribute("versions", versions);
            model.addAttribute("answers", HistoryQuestions.answers(current.history()));
            model.addAttribute("questionnaire", proposals.waiting(me, id).orElse(null));
        }
        return "patient/chart";
    }

    @GetMapping("/patients/{id}/edit")
    String edit(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        PatientRecord p = patients.get(me, id);
        return form(model, p, values(p), Map.of());
    }

    @PostMapping("/patients/{id}/edit")
    String amend(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(form);
        PatientDraft draft = draft(values);
        Map<String, String> errors = merge(values, patients.problemsWith(me, draft));
        String saved = save(errors, false, () -> {
            patients.amend(me, id, draft);
            redirect.addFlashAttribute("notice", "Details saved.");
            return "redirect:/patients/" + id;
        });
        return saved != null ? saved : form(model, patients.get(me, id), form.toSingleValueMap(), errors);
    }

    @GetMapping("/patients/{id}/history/edit")
    String editHistory(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        HistoryVersion current = histories.current(me, id);
        return historyForm(me, id, model, HistoryQuestions.formValues(current.history()), current.version(), Map.of());
    }

    @PostMapping("/patients/{id}/history")
    String recordHistory(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(form);
        MedicalHistory history = HistoryQuestions.read(values);
        Integer basedOn = values.integer("basedOnVersion");
        Map<String, String> errors = merge(values, histories.problemsWith(me, id, history));
        String saved = save(errors, true, () -> {
            HistoryVersion version = histories.record(me, id, history, basedOn, values.text("note"));
            redirect.addFlashAttribute("notice", "Medical history saved as version " + version.version() + ".");
            return "redirect:/patients/" + id;
        });
        return saved != null ? saved : historyForm(me, id, model, form, basedOn == null ? 0 : basedOn, errors);
    }

    @GetMapping("/patients/{id}/history/versions/{version}")
    String historyVersion(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, @PathVariable int version,
            Model model) {
        PatientRecord p = patients.get(me, id);
        HistoryVersion shown = histories.version(me, id, version);
        MedicalHistory previous = version > 1 ? histories.version(me, id, version - 1).history() : null;
        model.addAttribute("patient", p);
        model.addAttribute("shown", shown);
        model.addAttribute("answers", HistoryQuestions.answers(shown.history()));
        model.addAttribute("changes", HistoryQuestions.changes(previous, shown.history()));
        return "patient/history-version";
    }

    @GetMapping("/patients/{id}/access-log.csv")
    ResponseEntity<String> accessLogCopy(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id) {
        return Downloads.csv(patients.accessLogCopy(me, id), "access-log-patient-" + id + ".csv");
    }

    @GetMapping("/patients/{id}/access-log")
    String accessLog(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("patient", patients.get(me, id));
        Paging.Paged<AccessEntry> shown = patients.accessLog(me, id, Paging.of(page, Paging.MAX_SIZE));
        model.addAttribute("entries", shown.items());
        model.addAttribute("shown", shown);
        return "patient/access-log";
    }

    private String form(Model model, PatientRecord patient, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("patient", patient);
        model.addAttribute("v", values);
        model.addAttribute("problems", errors);
        model.addAttribute("sexes", Sex.values());
        return "patient/form";
    }

    private String historyForm(VenulaPrincipal me, long id, Model model, MultiValueMap<String, String> values,
            int basedOn, Map<String, String> errors) {
        model.addAttribute("patient", patients.get(me, id));
        model.addAttribute("questions", HistoryQuestions.ALL);
        model.addAttribute("v", values);
        model.addAttribute("basedOnVersion", basedOn);
        model.addAttribute("problems", errors);
        model.addAttribute("duplexResults", DuplexResult.values());
        model.addAttribute("medications", Medication.values());
        model.addAttribute("sclerosants", Sclerosant.values());
        model.addAttribute("today", patients.today(me));
        return "patient/history-form";
    }

    private static PatientDraft draft(FormValues f) {
        return new PatientDraft(f.text("givenName"), f.text("familyName"), f.date("dateOfBirth"),
                f.enumValue("sex", Sex.class), f.text("phone"), f.text("email"), f.text("address"),
                f.text("nhsNumber"), f.decimal("weightKg"), f.text("occupation"), f.bool("prolongedStanding"),
                null, f.integer("version")); // the skin type is asked with the medical history, not here
    }

    /** Field errors from reading the form, then the same checks the API applies. */
    private static Map<String, String> merge(FormValues values, List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>(values.errors());
        put(errors, problems);
        return errors;
    }

    /**
     * Saves when the form has no errors and returns where to go next; a refusal becomes the form's errors (a
     * conflict under its field, or at the top of the form) and null says to show the form again.
     */
    private static String save(Map<String, String> errors, boolean conflictOnForm, Supplier<String> save) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return save.get();
        } catch (InvalidInputException e) {
            put(errors, e.problems());
        } catch (ConflictException e) {
            errors.put(conflictOnForm ? "form" : e.field(), e.getMessage());
        }
        return null;
    }

    private static void put(Map<String, String> errors, List<FieldProblem> problems) {
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
    }

    private static Map<String, String> values(PatientRecord p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("givenName", p.givenName());
        v.put("familyName", p.familyName());
        v.put("dateOfBirth", p.dateOfBirth().toString());
        v.put("sex", p.sex().name());
        v.put("phone", p.phone());
        v.put("email", p.email());
        v.put("address", p.address());
        v.put("nhsNumber", p.nhsNumber());
        v.put("weightKg", p.weightKg() == null ? null : p.weightKg().toPlainString());
        v.put("occupation", p.occupation());
        v.put("prolongedStanding", p.prolongedStanding() == null ? "" : p.prolongedStanding().toString());
        v.put("version", Integer.toString(p.version()));
        return v;
    }

}
