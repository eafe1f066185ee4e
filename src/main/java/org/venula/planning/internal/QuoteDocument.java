package org.venula.planning.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.planning.Plans;
import org.venula.planning.TreatmentPlan;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Gathers what the quote shows (page and PDF alike). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuoteDocument {

    private final Plans plans;
    private final Patients patients;
    private final Clinics clinics;
    private final org.venula.shared.web.PdfPrinter pdf;

    Map<String, Object> model(VenulaPrincipal me, TreatmentPlan plan) {
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("quote", plan.quote());
        model.put("patient", patients.get(me, plan.patientId()));
        model.put("clinic", clinics.clinic(me.clinicId()));
        model.put("today", clinics.today(me.clinicId()));
        model.put("symbol", java.util.Currency.getInstance(plan.quote().currency()).getSymbol(java.util.Locale.UK));
        return model;
    }

    byte[] pdf(VenulaPrincipal me, long planId) {
        return pdf.render("planning/quote-pdf", model(me, plans.get(me, planId)));
    }
}
