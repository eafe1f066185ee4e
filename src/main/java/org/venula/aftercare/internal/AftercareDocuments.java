package org.venula.aftercare.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.venula.aftercare.AftercarePlan;
import org.venula.aftercare.StoredPlan;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.shared.Labels;
import org.venula.shared.web.ICalendars;
import org.venula.shared.web.PdfPrinter;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The plan as a PDF leaflet and as an iCalendar file of all-day events, for staff and for the patient alike. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AftercareDocuments {

    private final PdfPrinter printer;
    private final ClinicDetails details;

    /** The leaflet, with how to reach the clinic as its settings say now. */
    public byte[] leaflet(long clinicId, String patientName, StoredPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        ClinicContact contact = details.current(clinicId);
        m.put("clinicName", contact.name());
        m.put("contact", contact);
        m.put("patientName", patientName);
        m.put("stored", plan);
        m.put("plan", plan.plan());
        m.put("emergencyNumber", contact.emergencyNumber());
        m.put("titles", titles(plan));
        return printer.render("aftercare/leaflet-pdf", m);
    }

    /**
     * Each instruction is an all-day event from its first day through its last (DTEND, exclusive, is the day after);
     * a milestone ("Stockings off") is a one-day event the day after; the review and result-photo windows too.
     */
    public String ics(StoredPlan stored, String clinicName) {
        AftercarePlan plan = stored.plan();
        Calendar calendar = ICalendars.newCalendar("Aftercare plan");
        String uid = "venula-aftercare-" + stored.id() + "-";
        int n = 0;
        for (AftercarePlan.Instruction i : plan.instructions()) {
            calendar.add(allDay(i.from(), i.until(), title(i.code()), i.text(), uid + (n++)));
            if (i.milestone() != null) {
                calendar.add(allDay(i.until().plusDays(1), i.until().plusDays(1), i.milestone(), i.text(), uid + (n++)));
            }
        }
        calendar.add(allDay(plan.review().from(), plan.review().until(), "Review window at " + clinicName,
                "Book your review at the clinic within these dates.", uid + (n++)));
        calendar.add(allDay(plan.resultPhotos().from(), plan.resultPhotos().until(), "Result photos at " + clinicName,
                "The time to compare photos of the treated areas.", uid + n));
        return ICalendars.text(calendar);
    }

    /** Each instruction's heading by its code, for the page, the leaflet and the calendar. */
    public static Map<String, String> titles(StoredPlan plan) {
        Map<String, String> titles = new LinkedHashMap<>();
        plan.plan().instructions().forEach(i -> titles.put(i.code(), title(i.code())));
        return titles;
    }

    /** How an instruction's code reads as a heading: COMPRESSION_DAYTIME → "Compression daytime". */
    static String title(String code) {
        return Labels.sentence(code);
    }

    private static VEvent allDay(LocalDate first, LocalDate last, String summary, String description, String uid) {
        VEvent e = new VEvent(first, last.plusDays(1), summary);
        e.add(new Description(description));
        e.add(new Uid(uid + "@venula"));
        return e;
    }
}
