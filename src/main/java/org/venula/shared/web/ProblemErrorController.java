package org.venula.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.venula.shared.Problems;

/**
 * Errors that happen before any controller is chosen (an unknown API path, a method or media type no endpoint takes)
 * answer machine clients in the same application/problem+json as every other API error; browsers still get the
 * clinic's error pages.
 */
@PageController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, pageErrors(), resolvers.orderedStream().toList());
    }

    /**
     * Browsers' error pages show the message of a refused request: it is always Venula's own words (say "query: must
     * not contain control characters"), never an exception's. The JSON bodies below carry no message at all.
     */
    private static ErrorProperties pageErrors() {
        ErrorProperties properties = new ErrorProperties();
        properties.setIncludeMessage(ErrorProperties.IncludeAttribute.ALWAYS);
        return properties;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        String type = switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case PAYLOAD_TOO_LARGE -> "too-large";
            default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.BASE + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", switch (status) {
            case NOT_FOUND -> "There is nothing at " + uri + ". The API is described at /v3/api-docs.";
            case METHOD_NOT_ALLOWED -> uri + " does not take this method.";
            case UNSUPPORTED_MEDIA_TYPE -> uri + " does not take this content type.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Nothing you sent was stored."
                    : status.getReasonPhrase() + ".";
        });
        if (uri != null) {
            body.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
