package org.venula.portal.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.venula.aftercare.Aftercare;
import org.venula.aftercare.StoredPlan;
import org.venula.assessment.Photos;
import org.venula.clinic.Clinics;
import org.venula.planning.ConsentAtHome;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Refusal;
import org.venula.shared.RefusedException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Result photos from home: in the result-photo window of the patient's aftercare plan, the patient sends a photo of
 * each treated area, taken as the clinic's guidance says, and it lands on the chart beside the photos taken before.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResultPhotos {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Aftercare aftercare;
    private final ConsentAtHome plans;
    private final Photos photos;
    private final Clinics clinics;

    /** When the clinic asks for result photos, whether that is now, and the areas to photograph. */
    record Invitation(LocalDate from, LocalDate until, boolean open, List<Area> areas) {
    }

    record Area(long consultationId, long areaId, String label) {
    }

    /** Outside every result-photo window: nothing was stored. */
    record NotInWindow(String summary) implements Refusal {
        public String code() {
            return "not-in-photo-window";
        }

        public String title() {
            return "Not the time for result photos";
        }

        public Map<String, Object> facts() {
            return Map.of();
        }
    }

    /** The window that is open today, or else the next one; empty when the patient has no aftercare plan. */
    Optional<Invitation> invitation(long clinicId, long patientId) {
        LocalDate today = clinics.today(clinicId);
        List<StoredPlan> current = aftercare.ownCurrentPlans(clinicId, patientId);
        Optional<StoredPlan> chosen = current.stream()
                .filter(p -> !today.isBefore(p.plan().resultPhotos().from())
                        && !today.isAfter(p.plan().resultPhotos().until())).findFirst()
                .or(() -> current.stream().filter(p -> today.isBefore(p.plan().resultPhotos().from()))
                        .min(Comparator.comparing(p -> p.plan().resultPhotos().from())));
        return chosen.map(p -> new Invitation(p.plan().resultPhotos().from(), p.plan().resultPhotos().until(),
                !today.isBefore(p.plan().resultPhotos().from()) && !today.isAfter(p.plan().resultPhotos().until()),
                areas(clinicId, patientId)));
    }

    /** Stores the photo of one of the patient's treated areas, while the window is open. */
    long upload(long clinicId, long patientId, Long areaId, byte[] bytes) {
        if (areaId == null) {
            throw new InvalidInputException("areaId", "is required: which area the photo shows");
        }
        Invitation invitation = invitation(clinicId, patientId).orElseThrow(() -> new RefusedException(
                new NotInWindow("The clinic asks for result photos some weeks after your treatment; there is no "
                        + "treatment yet to photograph.")));
        if (!invitation.open()) {
            throw new RefusedException(new NotInWindow("The clinic asks for result photos from "
                    + DAY.format(invitation.from()) + " to " + DAY.format(invitation.until()) + "."));
        }
        Area area = invitation.areas().stream().filter(a -> a.areaId() == areaId).findFirst()
                .orElseThrow(() -> new InvalidInputException("areaId", "is not one of your treated areas"));
        return photos.uploadByPatient(clinicId, patientId, area.consultationId(), area.areaId(), bytes);
    }

    private List<Area> areas(long clinicId, long patientId) {
        return plans.ownPlans(clinicId, patientId).stream().map(ConsentAtHome.OwnPlan::plan)
                .filter(p -> p.consentInForce() != null).findFirst()
                .map(p -> p.details().areas().stream().map(a -> new Area(p.consultationId(), a.areaId(), a.label()))
                        .toList()).orElse(List.of());
    }
}
