package org.venula.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API, signed in as one user with HTTP Basic. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final HttpClient http;

    private Api(String base, String authorization) {
        this(base, authorization, HTTP);
    }

    private Api(String base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** No credentials, but a cookie jar of its own: a browser's session, as a patient in the portal has. */
    public static Api withCookies(int port) {
        return new Api("http://localhost:" + port, null, HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build());
    }

    public static Api as(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("http://localhost:" + port, "Basic " + token);
    }

    /** The same server, signed in as another user. */
    public Api withUser(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    /** Sends {@code body} as JSON: a String is sent as it is (for malformed input), anything else is serialised. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof byte[] raw) {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(raw));
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text == null || text.isBlank() ? null : JSON.readTree(text);
            } catch (tools.jackson.core.JacksonException notJson) {
                json = null; // an HTML error page, say: the status still tells
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    text, response.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /**
     * GETs {@code pathAndQuery} exactly as written, over a plain socket: for addresses that {@link URI} refuses to
     * build (a bare {@code %}), as any client can still send them. Returns the status code.
     */
    public int rawGetStatus(String pathAndQuery) {
        return rawStatus("GET", pathAndQuery, null, null);
    }

    /** Sends a request exactly as written (address, media type and body bytes), over a plain socket; the status. */
    public int rawStatus(String method, String pathAndQuery, String contentType, byte[] body) {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nAccept: application/json\r\nConnection: close\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                socket.getOutputStream().write(body);
            }
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        }
    }

    /** POSTs a multipart form with one file part and text parts. */
    public Response multipart(String path, String fileName, String fileType, byte[] file, Map<String, String> fields) {
        String boundary = "venula" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return send("POST", path, body.toByteArray(), Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** GETs raw bytes (images, PDFs). */
    public Bytes bytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    public record Bytes(int status, String contentType, byte[] body) {
    }

    public record Response(int status, String contentType, JsonNode json, String text, String retryAfter) {

        public Response(int status, String contentType, JsonNode json, String text) {
            this(status, contentType, json, text, null);
        }

        public long id() {
            return json.get("id").asLong();
        }

        /** The fields that a problem+json answer names in its errors array. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (json != null && json.has("errors")) {
                json.get("errors").forEach(e -> fields.add(e.get("field").asString()));
            }
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
