package org.venula.clinic.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.venula.shared.web.PageController;

@PageController
class HomePage {

    @GetMapping("/login")
    String login() {
        return "clinic/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/patients";
    }
}
