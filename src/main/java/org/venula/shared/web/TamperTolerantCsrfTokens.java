package org.venula.shared.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's BREACH-safe token handler, except that a token which no longer decodes (a changed byte can make
 * the unmasked token invalid UTF-8, and Spring Security 7.1 then throws) counts as a wrong token: the request is
 * refused with 403 like any other forged form, never answered 500. Used by every chain that serves pages (staff and
 * portal), with {@link #CONTENT_SECURITY_POLICY}.
 */
public final class TamperTolerantCsrfTokens implements CsrfTokenRequestHandler {

    /** The pages' content security policy: nothing but Venula's own scripts, styles and images, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return masked.resolveCsrfTokenValue(request, csrfToken);
        } catch (IllegalArgumentException undecodable) {
            return null;
        }
    }
}
