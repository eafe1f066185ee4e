package org.venula.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.venula.shared.InputLimits;
import org.venula.shared.Labels;
import org.venula.shared.Problems;

import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Refuses, before anything else reads it, a request whose envelope cannot be read: a {@code Content-Type} that is
 * not a concrete media type (415), a query string or form whose percent-escapes do not decode (400), and a parameter
 * with a control character (422 naming it). Each answer is problem+json for the API and the clinic's error page for
 * browsers; nothing behind this filter ever meets such a request, so none of it can fail half-way. It runs just after
 * the character-encoding filter, so parameters are decoded as UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RequestShapeFilter extends OncePerRequestFilter {

    private static final String CSRF_PARAMETER = "_csrf";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JsonMapper json;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        MediaType mediaType = null;
        if (contentType != null) {
            try {
                mediaType = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                mediaType = null;
            }
            if (mediaType == null || mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
                refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Unsupported media type", "Content-Type", "is not a concrete media type",
                        "'" + contentType + "' is not a media type this service takes; send application/json.");
                return;
            }
        }
        Map<String, String[]> parameters;
        try {
            parameters = MediaType.MULTIPART_FORM_DATA.includes(mediaType) ? null : request.getParameterMap();
            if (parameters == null && !escapesDecode(request.getQueryString())) {
                throw new IllegalArgumentException("query string");
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Tomcat's InvalidParameterException: a broken %-escape, bytes that are not UTF-8, too many parameters.
            if (!isApi(request) && !SAFE_METHODS.contains(request.getMethod())) {
                // A browser never sends such a form, so its CSRF token cannot be read: refused as a forged form is.
                response.sendError(HttpStatus.FORBIDDEN.value(), "This form could not be verified.");
                return;
            }
            refuse(request, response, HttpStatus.BAD_REQUEST, "malformed-parameters", "Malformed request", null, null,
                    "The address or form could not be decoded: a % must be followed by two hexadecimal digits, "
                            + "and text must be UTF-8.");
            return;
        }
        if (parameters != null) {
            for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                if (p.getKey().equals(CSRF_PARAMETER)) {
                    continue; // a tampered token is for the CSRF filter to refuse (403), whatever it contains
                }
                String problem = InputLimits.textProblem(p.getKey());
                for (String v : p.getValue()) {
                    problem = problem == null ? InputLimits.textProblem(v) : problem;
                }
                if (problem != null) {
                    // a page says the field's label; a parameter name that is not one of ours is shown as sent
                    String name = isApi(request) || !p.getKey().matches("[A-Za-z][A-Za-z0-9]{0,40}") ? p.getKey()
                            : Labels.field(p.getKey());
                    refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input",
                            p.getKey(), problem, name + ": " + problem);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Whether every % in {@code query} starts a two-digit hexadecimal escape. */
    static boolean escapesDecode(String query) {
        if (query == null) {
            return true;
        }
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String field, String message, String detail) throws IOException {
        if (!isApi(request)) {
            response.sendError(status.value(), detail);
            return;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", Problems.BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        if (field != null) {
            body.put("errors", java.util.List.of(Map.of("field", field, "message", message)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
