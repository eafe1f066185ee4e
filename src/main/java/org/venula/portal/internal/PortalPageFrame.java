package org.venula.portal.internal;

import org.springframework.ui.Model;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;

/** What every portal page's frame shows (portal/page.html): the clinic's name in the bar and its contact card. */
final class PortalPageFrame {

    private PortalPageFrame() {
    }

    static void fill(Model model, ClinicDetails details, long clinicId) {
        ClinicContact contact = details.current(clinicId);
        model.addAttribute("clinicId", clinicId);
        model.addAttribute("contact", contact);
        model.addAttribute("clinicName", contact.name());
    }
}
