package org.venula.scheduling.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.venula.clinic.VenulaPrincipal;
import org.venula.scheduling.Reminders;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The mail outbox: every reminder with its state, so a clinic sees what patients receive and what failed. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutboxPages {

    private final Reminders reminders;

    @GetMapping("/admin/outbox")
    String page(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        model.addAttribute("reminders", reminders.recent(me.clinicId(), 200));
        return "scheduling/outbox";
    }

    @GetMapping("/api/reminders")
    @ResponseBody
    @PreAuthorize("hasRole('ADMIN')")
    List<Reminders.Reminder> api(@AuthenticationPrincipal VenulaPrincipal me) {
        return reminders.recent(me.clinicId(), 200);
    }
}
