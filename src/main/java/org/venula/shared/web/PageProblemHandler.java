package org.venula.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Labels;

/**
 * Bad input that reaches a page's controller unhandled (a period back to front, a word where a date belongs in the
 * address) answers 422 or 400 with a page that names the field, never the generic "something went wrong". JSON calls
 * are answered by {@link ApiProblemHandler}, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException ex, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", ex.problems().stream()
                .map(p -> Labels.field(p.field()) + ": " + p.message()).toList());
        return "error/invalid";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", List.of(Labels.field(ex.getName()) + ": '" + ex.getValue()
                + "' is not a valid value"));
        return "error/invalid";
    }
}
