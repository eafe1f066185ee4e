package org.venula.shared;

import java.net.URI;

/** Stable problem type URIs of the API (RFC 9457). Clients may rely on the last path segment. */
public final class Problems {

    public static final String BASE = "https://venula.org/problems/";

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(BASE + name);
    }
}
