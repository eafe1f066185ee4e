package org.venula.shared.web;

import java.time.DateTimeException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
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
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException ex, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", ex.problems().stream()
                .map(p -> Labels.field(p.field()) + ": " + p.message()).toList());
        return "error/invalid";
    }

    /**
     * A form value a page's controller could not read as the number or code it expects (a field edited in the
     * browser, say). Logged with its stack, since a page should have reported it beside its field.
     */
    @ExceptionHandler({NumberFormatException.class, IllegalArgumentException.class, DateTimeException.class})
    String unreadable(RuntimeException ex, Model model, HttpServletResponse response) {
        log.warn("A page could not read a submitted value", ex);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", List.of("A value in the form could not be read. Go back, check it and try again."));
        return "error/invalid";
    }

    /** A database rule or a concurrent change refused the write; nothing was stored. */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyFailureException.class})
    String conflict(DataAccessException ex, Model model, HttpServletResponse response) {
        log.info("A page's change was refused by the database ({})", ex.getClass().getSimpleName());
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problems", List.of("Someone changed this record at the same moment, or it breaks a rule of"
                + " the stored record. Nothing was saved. Reload the page and try again."));
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
