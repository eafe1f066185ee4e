package org.venula.clinic.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
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
