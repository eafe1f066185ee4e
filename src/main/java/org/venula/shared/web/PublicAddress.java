package org.venula.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address patients' links point at: {@code VENULA_PUBLIC_URL} when set, otherwise the address and port this
 * Venula actually serves (learned when the web server starts, so a random or non-default port is right too).
 */
@Component
public class PublicAddress {

    private final String configured;
    private final String host;
    private volatile int port = 8080;

    PublicAddress(@Value("${venula.public-url:}") String configured, @Value("${server.address:}") String address) {
        String trimmed = configured == null ? "" : configured.trim();
        this.configured = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        this.host = address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        if (event.getWebServer().getPort() > 0 && !"management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash, such as {@code https://clinic.example} or {@code http://localhost:8123}. */
    public String base() {
        return configured.isEmpty() ? "http://" + host + ":" + port : configured;
    }

    /** Whether the address comes from {@code VENULA_PUBLIC_URL} rather than the port this process serves. */
    public boolean configured() {
        return !configured.isEmpty();
    }
}
