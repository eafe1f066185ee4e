package org.venula.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldAtFaultException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InputLimits;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.PayloadRejectedException;
import org.venula.shared.Problems;
import org.venula.shared.RefusedException;
import org.venula.shared.Refusal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of a JSON API call into {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}, a readable {@code detail} and, for bad input, an {@code errors} array naming each field.
 * Bad input is always a 4xx; an unexpected failure is logged and answered 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException ex) {
        return validation(ex.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.type(), "Conflict", ex.getMessage(), errors(ex));
    }

    /** A rule refused: 422 with the refusal's code as the type and its facts as members. Nothing was stored. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Object> refused(RefusedException ex) {
        Refusal refusal = ex.refusal();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refusal.summary());
        body.setType(Problems.type(refusal.code()));
        body.setTitle(refusal.title());
        refusal.facts().forEach(body::setProperty);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(PayloadRejectedException.class)
    ResponseEntity<Object> payload(PayloadRejectedException ex) {
        boolean tooLarge = ex.reason() == PayloadRejectedException.Reason.TOO_LARGE;
        return problem(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                tooLarge ? "too-large" : "unsupported-media-type", tooLarge ? "Too large" : "Unsupported file",
                ex.getMessage(), errors(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return payload(new PayloadRejectedException(PayloadRejectedException.Reason.TOO_LARGE, "file",
                "The file is larger than this clinic accepts."));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> optimisticLock(OptimisticLockingFailureException ex) {
        return conflict(ConflictException.staleVersion("This record"));
    }

    /** A unique key another request took first: the race is a conflict, never a server error. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicateKey(DuplicateKeyException ex) {
        log.info("Refused a duplicate ({})", DatabaseRules.name(ex)); // the driver's message holds the row's values
        return problem(HttpStatus.CONFLICT, "duplicate", "Conflict",
                "Someone saved the same record at the same moment (" + DatabaseRules.name(ex)
                        + "). Reload and try again.", null);
    }

    /** A database rule refused the change; nothing was stored. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.warn("A database rule refused a change ({})", DatabaseRules.name(ex));
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The change breaks a rule of the stored record (" + DatabaseRules.name(ex)
                        + "); nothing was stored.", null);
    }

    /** Another request holds the record (a lock wait ran out or a deadlock was broken); nothing was stored. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> busy(PessimisticLockingFailureException ex) {
        log.info("Lock conflict: {}", ex.getClass().getSimpleName());
        return problem(HttpStatus.CONFLICT, "busy", "Conflict",
                "Someone else is changing this record right now; nothing was stored. Try again.", null);
    }

    /**
     * Every database connection stayed busy for the pool's whole wait: the server is overloaded for the moment.
     * Nothing was stored; the client may try again shortly (503 with {@code Retry-After}, not a failure of ours).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> overloaded(org.springframework.core.NestedRuntimeException ex) {
        log.warn("No database connection free: {}", ex.getMostSpecificCause().getMessage());
        ResponseEntity<Object> busy = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service Unavailable",
                "Venula is too busy to answer right now; nothing was stored. Try again in a moment.", null);
        return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders()).header("Retry-After", "2")
                .body(busy.getBody());
    }

    @ExceptionHandler(org.venula.shared.NotSignedInException.class)
    ResponseEntity<Object> notSignedIn(org.venula.shared.NotSignedInException ex) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage(), null);
    }

    /** Throttled: too many requests of one kind in a short time; nothing was done. */
    @ExceptionHandler(org.venula.shared.TooManyRequestsException.class)
    ResponseEntity<Object> tooMany(org.venula.shared.TooManyRequestsException ex) {
        ResponseEntity<Object> slow = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                ex.getMessage(), null);
        return ResponseEntity.status(slow.getStatusCode()).headers(slow.getHeaders())
                .header("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds()))).body(slow.getBody());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> forbidden(RuntimeException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this action.", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String reason = ex.getMostSpecificCause().getMessage();
        return validation(List.of(new FieldProblem(ex.getName(), InputLimits.DATE_RANGE.equals(reason) ? reason
                : "'" + ex.getValue() + "' is not a valid value")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure in an API call", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Nothing you sent was stored.", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return validation(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e ->
                problems.add(new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return validation(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof StreamReadException || !(cause instanceof JacksonException jackson)) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request",
                    "The request body is not valid JSON.", null);
        }
        String field = path(jackson);
        String message;
        if (cause instanceof RefusedValueException refused) {
            message = refused.reason();
        } else if (cause instanceof InvalidNullException) {
            message = "must not be null";
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "'" + format.getValue() + "' is not one of " + enumValues(format.getTargetType());
        } else if (cause instanceof InvalidFormatException format) {
            message = "'" + format.getValue() + "' is not a valid " + simpleType(format.getTargetType());
        } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + article(simpleType(mismatch.getTargetType()));
        } else {
            message = "could not be read";
        }
        if (field.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request",
                    "The request body does not have the expected shape.", null);
        }
        return validation(List.of(new FieldProblem(field, message)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, out, statusCode);
    }

    private static ResponseEntity<Object> validation(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        String detail = sorted.isEmpty() ? "The request could not be accepted."
                : sorted.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input", detail, sorted);
    }

    /** The one field an exception names, with its message, as {@code errors[]}; none when it names no field. */
    private static List<FieldProblem> errors(FieldAtFaultException ex) {
        return ex.field() == null ? null : List.of(new FieldProblem(ex.field(), ex.getMessage()));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(Problems.type(type));
        body.setTitle(title);
        if (errors != null) {
            body.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object c : constants) {
            names.add(((Enum<?>) c).name());
        }
        return String.join(", ", names);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Boolean", "boolean" -> "true or false";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "BigDecimal", "Double", "double" -> "number";
            case "String" -> "text";
            default -> type.isEnum() ? "one of " + enumValues(type) : "value of the right type";
        };
    }

    private static String article(String what) {
        return what.startsWith("true") || what.startsWith("one of") ? what : "a " + what;
    }
}
