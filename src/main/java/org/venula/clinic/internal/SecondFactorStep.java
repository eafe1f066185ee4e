package org.venula.clinic.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.venula.clinic.VenulaPrincipal;

/**
 * After the password on the sign-in form: a user with a second factor is asked for their code before anything else;
 * one whose clinic requires a second factor they have not set up is sent to set it up.
 */
class SecondFactorStep implements AuthenticationSuccessHandler {

    static final String PENDING = "venula.secondFactorPending";
    static final String SETUP_REQUIRED = "venula.secondFactorSetupRequired";
    static final String CODE_PAGE = "/login/code";
    static final String SETUP_PAGE = "/account/second-factor";

    private final SavedRequestAwareAuthenticationSuccessHandler otherwise =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorStep() {
        otherwise.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof VenulaPrincipal me) {
            if (me.secondFactor() == VenulaPrincipal.SecondFactor.ENABLED) {
                request.getSession().setAttribute(PENDING, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + CODE_PAGE);
                return;
            }
            if (me.secondFactor() == VenulaPrincipal.SecondFactor.MISSING) {
                request.getSession().setAttribute(SETUP_REQUIRED, Boolean.TRUE);
            }
        }
        otherwise.onAuthenticationSuccess(request, response, authentication);
    }
}
