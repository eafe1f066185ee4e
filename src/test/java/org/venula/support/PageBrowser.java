package org.venula.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a screen: keeps cookies, reads CSRF tokens from pages and posts forms with them. */
public final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private boolean signedIn;

    public PageBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in on the login form; answers the form's status (302) and where it sent the browser. */
    public HttpResponse<String> signIn(String username, String password) {
        signedIn = false;
        HttpResponse<String> r = post("/login", Map.of("username", username, "password", password));
        signedIn = r.statusCode() == 302 && !r.headers().firstValue("Location").orElse("").contains("error");
        return r;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build());
    }

    /** Posts a form with the CSRF token of the login page (the token belongs to the session, not the page). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(tokenPage()));
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A page request as a browser makes it: a GET, or a form with the session's CSRF token and no fields. */
    public HttpResponse<String> request(String method, String path) {
        return "GET".equals(method) ? get(path) : post(path, Map.of());
    }

    /** A page with a form on it, following the redirects a half-signed-in session meets (code, password, set-up). */
    private String tokenPage() {
        HttpResponse<String> page = get(signedIn ? "/account/password" : "/login");
        for (int i = 0; i < 3 && page.statusCode() == 302; i++) {
            String location = page.headers().firstValue("Location").orElse("/login");
            page = get(location.startsWith("http") ? URI.create(location).getPath() : location);
        }
        return page.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
