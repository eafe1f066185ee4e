package org.venula.accesslog.internal;

import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.venula.accesslog.AccessLog;
import org.venula.accesslog.AccessLogPage;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.InputLimits;
import org.venula.shared.web.PageController;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The administrator's view of the whole access log, by user and period, with the chain's verification. */
@PageController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessLogPages {

    private static final int PAGE_SIZE = 50;

    private final AccessLog log;
    private final Clinics clinics;

    @GetMapping("/admin/access-log")
    String entries(@AuthenticationPrincipal VenulaPrincipal me, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") String page, Model model) {
        Long user = userId == null || userId.isBlank() ? null : Long.valueOf(userId.trim());
        LocalDate fromDate = from == null || from.isBlank() ? null : InputLimits.date(from.trim());
        LocalDate toDate = to == null || to.isBlank() ? null : InputLimits.date(to.trim());
        AccessLogPage result = log.read(me, user, fromDate, toDate, Math.max(0, Integer.parseInt(page.trim())),
                PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("users", clinics.users(me.clinicId()));
        model.addAttribute("userId", user);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        long counted = (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        // Beyond what was counted the log goes on: offer the next older page.
        model.addAttribute("pages", result.totalCapped() ? Math.max(counted, result.page() + 2) : counted);
        return "accesslog/entries";
    }

    @PostMapping("/admin/access-log/verification")
    String verify(@AuthenticationPrincipal VenulaPrincipal me, Model model) {
        model.addAttribute("verification", log.verify(me));
        return "accesslog/verification";
    }
}
