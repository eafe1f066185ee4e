package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

class TamperTolerantCsrfTokensTest {

    private static final CsrfToken TOKEN = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf",
            "4b1c7a53-9c7e-4a6f-8d2e-3f0a9b6c1d27");

    @Test
    void aTokenThatNoLongerDecodesIsAWrongTokenNotAnError() {
        String masked = masked();
        String undecodable = null;
        for (int i = 0; i < masked.length() && undecodable == null; i++) {
            for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
                String tampered = masked.substring(0, i) + c + masked.substring(i + 1);
                if (throwsInSpringSecurity(tampered)) {
                    undecodable = tampered;
                    break;
                }
            }
        }
        assertThat(undecodable).as("a one-character change that Spring Security's own handler cannot decode").isNotNull();
        String value = undecodable;
        assertThatThrownBy(() -> new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(request(value), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TamperTolerantCsrfTokens().resolveCsrfTokenValue(request(value), TOKEN)).isNull();
    }

    @Test
    void anUntouchedTokenStillResolves() {
        assertThat(new TamperTolerantCsrfTokens().resolveCsrfTokenValue(request(masked()), TOKEN))
                .isEqualTo(TOKEN.getToken());
    }

    private static String masked() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        new TamperTolerantCsrfTokens().handle(request, new MockHttpServletResponse(), () -> TOKEN);
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    private static boolean throwsInSpringSecurity(String value) {
        try {
            new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(request(value), TOKEN);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static MockHttpServletRequest request(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/patients");
        request.setParameter("_csrf", value);
        return request;
    }
}
