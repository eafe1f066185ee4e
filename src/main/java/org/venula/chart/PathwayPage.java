package org.venula.chart;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.venula.assessment.Consultations;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.followup.FollowUps;
import org.venula.planning.Plans;
import org.venula.scheduling.Appointments;
import org.venula.screening.Screenings;
import org.venula.shared.web.PageController;
import org.venula.treatment.Sessions;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The chart's pathway strip, loaded by htmx like the chart's panels. Reception sees only what its panels show. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PathwayPage {

    private final Screenings screenings;
    private final Consultations consultations;
    private final Plans plans;
    private final Sessions sessions;
    private final Appointments appointments;
    private final FollowUps followUps;
    private final Clinics clinics;

    @GetMapping("/patients/{id}/pathway/summary")
    String summary(@AuthenticationPrincipal VenulaPrincipal me, @PathVariable long id, Model model) {
        boolean clinical = me.seesClinicalRecord();
        // Appointments first: it refuses (404) a patient of another clinic before anything else is read.
        var booked = appointments.forPatient(me, id);
        model.addAttribute("strip", PathwayStrip.of(id, clinics.today(me.clinicId()), clinical,
                clinical ? screenings.latest(me, id) : Optional.empty(),
                clinical ? consultations.forPatient(me, id) : List.of(),
                clinical ? plans.forPatient(me, id) : List.of(),
                clinical ? sessions.forPatient(me, id) : List.of(),
                booked, followUps.forPatient(me, id)));
        return "chart/pathway :: strip";
    }
}
