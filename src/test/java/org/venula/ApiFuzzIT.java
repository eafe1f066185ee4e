package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A structure-aware fuzzer over HTTP. It reads the running application's OpenAPI document, builds for every JSON
 * endpoint a well-formed body from its schema, then sends that body mutated field by field (missing, null, the wrong
 * type, numbers and dates at the edges, control characters, nulls in lists, unknown enum values, very long text),
 * broken as a whole (truncated JSON, other media types, undecodable forms), with hostile path ids and query values, as
 * three roles. Every answer must be below 500, and a refused request (4xx) must leave every stored table as it was.
 * Deterministic for a seed: {@code -Dvenula.fuzz.seed}; {@code -Dvenula.fuzz.rounds} multiplies the mutations
 * (the {@code fuzz} profile runs many more). Each 5xx is reported with what reproduces it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api admin;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("venula.fuzz.seed", 20261202L);
    private static final int ROUNDS = Integer.getInteger("venula.fuzz.rounds", 1);

    private static final List<String> HOSTILE_TEXT = List.of("", " ", "%", "%zz", "a\u0000b", "\u0007", "\u202e",
            "'; DROP TABLE patient; --", "<script>alert(1)</script>", "x".repeat(5000), "\uD83E\uDDB5 emoji",
            "../../etc/passwd", "null", "true", "-1", "1e309", "NaN", "2026-02-30", "+999999999-12-31",
            "9999-12-31T23:59", "\\u0000", "{}", "[]");
    private static final List<JsonNode> HOSTILE_NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigDecimal("1e400")),
            NODES.numberNode(new java.math.BigDecimal("-1e-400")), NODES.numberNode(new java.math.BigInteger(
                    "123456789012345678901234567890")), NODES.numberNode(2.5), NODES.numberNode(Integer.MIN_VALUE));
    private static final List<String> HOSTILE_IDS = List.of("0", "-1", "999999999", "9223372036854775807",
            "99999999999999999999", "abc", "1.5", "%20", "null");

    private final Random random = new Random(SEED);
    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private JsonNode schemas;
    private String fingerprintSql;
    private int sent;
    private int refusedChecked;
    private int accepted;

    @Test
    void noRequestAnswers5xxAndNoRefusedRequestChangesWhatIsStored() {
        admin = Api.as(port, "admin", ApiFixture.ADMIN_PASSWORD);
        JsonNode api = admin.get("/v3/api-docs").json();
        schemas = api.path("components").path("schemas");
        ClinicWrites writes = new ClinicWrites();
        writes.prepare(admin);
        Api clinician = writes.clinician(admin);
        Api reception = user("RECEPTION");
        seed(writes, clinician);
        fingerprintSql = fingerprintQuery();
        List<Api> roles = List.of(admin, clinician, reception);
        // the portal's own API is fuzzed as a patient signed in to it (staff get only its 401)
        List<Api> patient = List.of(portalPatient());
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                for (int round = 0; round < ROUNDS; round++) {
                    fuzz(path.getKey().startsWith("/api/portal/") ? patient : roles, path.getKey(),
                            op.getKey().toUpperCase(), op.getValue());
                }
            }
        }
        System.out.printf("FUZZ: seed %d, %d operations, %d requests (%d accepted), %d refusals checked for stored "
                + "changes, %d failures%n", SEED, operations, sent, accepted, refusedChecked, failures.size());
        assertThat(operations).isGreaterThan(60);
        assertThat(accepted).as("well-formed requests get through, so the mutations reach the endpoints' logic")
                .isGreaterThan(sent / 20);
        assertThat(failures).as("requests answered 5xx, or refused yet changing what is stored").isEmpty();
    }

    /** Real records the paths can point at, so mutations reach the endpoints' logic, not only their 404s. */
    private void seed(ClinicWrites writes, Api clinician) {
        ClinicWrites.OpenSession p = writes.openSession(clinician);
        assertThat(p).as("a patient with an open session to fuzz against").isNotNull();
        writes.chart(clinician, p.sessionId(), p.areaId());
        String patient = Long.toString(p.patientId());
        ids.put("id", List.of(patient, Long.toString(p.sessionId()), Long.toString(p.consultationId()),
                Long.toString(p.planId()), Long.toString(writes.lotId), Long.toString(writes.practitionerId)));
        ids.put("patientId", List.of(patient));
        ids.put("practitionerId", List.of(Long.toString(writes.practitionerId)));
        ids.put("cid", List.of(Long.toString(p.consultationId())));
        ids.put("planId", List.of(Long.toString(p.planId())));
        ids.put("lotNumber", List.of("DUR", "x"));
        ids.put("type", List.of("MATTING", "DVT", "x"));
        ids.put("n", List.of("1", "2"));
        ids.put("areaId", List.of(Long.toString(p.areaId())));
        user("CLINICIAN");
        ids.put("userId", List.of(Long.toString(admin.get("/api/users").json().get(0).get("id").asLong() + 1000),
                Long.toString(lastUserId())));
    }

    /** A patient signed in to the portal with the code the outbox holds. */
    private Api portalPatient() {
        String email = "fuzz" + random.nextInt(1_000_000) + "@example.com";
        long clinicId = jdbc.sql("SELECT clinic_id FROM app_user WHERE username = 'admin'").query(Long.class)
                .single();
        assertThat(admin.post("/api/patients", Map.of("givenName", "Fuzz", "familyName", "Portal",
                "dateOfBirth", "1980-01-01", "sex", "FEMALE", "email", email)).status()).isEqualTo(201);
        Api session = Api.withCookies(port);
        session.post("/api/portal/sign-in", Map.of("clinicId", clinicId, "email", email));
        String code = org.venula.support.Outbox.signInCode(admin, email);
        assertThat(session.post("/api/portal/verify", Map.of("clinicId", clinicId, "email", email, "code",
                String.valueOf(code))).status()).isEqualTo(200);
        return session;
    }

    private long lastUserId() {
        long last = 0;
        for (JsonNode u : admin.get("/api/users").json()) {
            last = Math.max(last, u.get("id").asLong());
        }
        return last;
    }

    private Api user(String role) {
        String username = role.toLowerCase() + "fuzz" + random.nextInt(100000);
        assertThat(admin.post("/api/users", Map.of("username", username, "password", "a-long-password-1",
                "displayName", "Fuzz " + role, "role", role)).status()).isEqualTo(201);
        return Api.as(port, username, "a-long-password-1");
    }

    private void fuzz(List<Api> roles, String template, String method, JsonNode operation) {
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        boolean json = !bodySchema.isMissingNode();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        JsonNode valid = json ? example(bodySchema, 0) : null;
        List<Object> bodies = new ArrayList<>();
        bodies.add(valid);
        if (json) {
            bodies.addAll(mutations(valid, bodySchema));
            bodies.add("{\"truncated\": [1, 2");
            bodies.add("null");
            bodies.add("[]");
            bodies.add("{" + "\"a\":{".repeat(300) + "}".repeat(301));
        }
        for (Object body : bodies) {
            Api as = roles.get(random.nextInt(roles.size()));
            send(as, method, path(template, false) + query(parameters, false), body, "application/json");
        }
        // hostile path ids and query values, and bodies in media types no JSON endpoint takes
        for (int i = 0; i < 6; i++) {
            send(admin, method, path(template, true) + query(parameters, true), valid, "application/json");
        }
        for (String type : List.of("*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "json", "application/json; charset=klingon")) {
            String body = type.startsWith("application/x-www") ? "a=% o&b=%E9&c=\u0000" : String.valueOf(valid);
            send(admin, method, path(template, false), body, type);
        }
    }

    private void send(Api as, String method, String path, Object body, String contentType) {
        String before = null;
        byte[] raw = body == null ? null : (body instanceof String s ? s : JSON.writeValueAsString(body))
                .getBytes(StandardCharsets.UTF_8);
        if (!method.equals("GET")) {
            before = fingerprint();
        }
        sent++;
        Response r;
        try {
            Map<String, String> headers = raw == null ? Map.of() : Map.of("Content-Type", contentType);
            r = sendable(path) ? as.send(method, path, raw, headers)
                    : new Response(as.rawStatus(method, path, contentType, raw), "", null, "");
        } catch (RuntimeException e) {
            failures.add(method + " " + path + " [" + contentType + "] " + abbreviate(raw) + " -> no answer: " + e + " / " + e.getCause());
            return;
        }
        if (r.status() < 300) {
            accepted++;
        }
        if (r.status() >= 500) {
            failures.add(method + " " + path + " [" + contentType + "] " + abbreviate(raw) + " -> " + r.status() + " "
                    + abbreviate(r.text() == null ? null : r.text().getBytes(StandardCharsets.UTF_8)));
        } else if (before != null && r.status() >= 400) {
            refusedChecked++;
            String after = fingerprint();
            if (!before.equals(after)) {
                failures.add(method + " " + path + " " + abbreviate(raw) + " -> " + r.status()
                        + " was refused but changed what is stored");
            }
        }
    }

    /** Whether the JDK's client can send the address as it stands; if not, it goes over a raw socket. */
    private static boolean sendable(String path) {
        try {
            java.net.URI.create("http://localhost" + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<Object> mutations(JsonNode valid, JsonNode schema) {
        List<Object> out = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (!(valid instanceof ObjectNode object)) {
            if (valid instanceof ArrayNode array) {
                ArrayNode withNull = array.deepCopy();
                withNull.addNull();
                out.add(withNull);
                out.add(NODES.arrayNode().add(NODES.stringNode("x")));
            }
            return out;
        }
        List<String> fields = new ArrayList<>();
        resolved.path("properties").propertyNames().forEach(fields::add);
        for (String field : fields) {
            JsonNode fieldSchema = resolve(resolved.path("properties").path(field));
            ObjectNode missing = object.deepCopy();
            missing.remove(field);
            out.add(missing);
            ObjectNode nulled = object.deepCopy();
            nulled.putNull(field);
            out.add(nulled);
            for (int i = 0; i < 3; i++) {
                ObjectNode hostile = object.deepCopy();
                hostile.set(field, hostile(fieldSchema));
                out.add(hostile);
            }
        }
        ObjectNode everything = object.deepCopy();
        for (String field : fields) {
            everything.set(field, hostile(resolve(resolved.path("properties").path(field))));
        }
        out.add(everything);
        ObjectNode unknown = object.deepCopy();
        unknown.put("unknownField" + random.nextInt(100), "x");
        out.add(unknown);
        return out;
    }

    /** A value that the field's schema allows in shape but not in sense, or not at all. */
    private JsonNode hostile(JsonNode schema) {
        String type = type(schema);
        int pick = random.nextInt(10);
        if (pick == 0) {
            return NODES.objectNode().put("nested", "garbage");
        }
        if (pick == 1) {
            return NODES.arrayNode().addNull().add(1);
        }
        return switch (type) {
            case "integer", "number" -> random.nextBoolean() ? HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()))
                    : NODES.stringNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
            case "boolean" -> random.nextBoolean() ? NODES.stringNode("yes") : NODES.numberNode(1);
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.addNull();
                a.add(hostile(resolve(schema.path("items"))));
                yield random.nextBoolean() ? a : NODES.stringNode("not a list");
            }
            case "object" -> random.nextBoolean() ? NODES.stringNode("not an object")
                    : (JsonNode) mutations(example(schema, 1), schema).stream().filter(JsonNode.class::isInstance)
                            .map(JsonNode.class::cast).findFirst().orElse(NODES.objectNode());
            default -> NODES.stringNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
        };
    }

    /** A plausible value for the schema: what a correct client would send. */
    private JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        String format = s.path("format").asString("");
        return switch (type(s)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                        o.set(p.getKey(), example(p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(example(s.path("items"), depth + 1));
                }
                yield a;
            }
            case "integer" -> NODES.numberNode(1 + random.nextInt(3));
            case "number" -> NODES.numberNode(new java.math.BigDecimal("0.5"));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> switch (format) {
                case "date" -> NODES.stringNode(ApiFixture.today().plusDays(random.nextInt(60) - 30).toString());
                case "date-time" -> NODES.stringNode(ApiFixture.today().plusDays(7) + "T10:00:00Z");
                case "partial-time" -> NODES.stringNode("09:00");
                default -> NODES.stringNode("Fuzz text " + random.nextInt(1000));
            };
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        if (s.has("oneOf")) {
            return resolve(s.get("oneOf").get(0));
        }
        return s;
    }

    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "string";
    }

    private String path(String template, boolean hostile) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            // account actions (deactivate, reset) aim at a user of their own, so the fuzzing users keep working
            List<String> known = template.startsWith("/api/users/") ? ids.get("userId")
                    : ids.getOrDefault(m.group(1), ids.get("id"));
            out.append(hostile ? java.net.URLEncoder.encode(HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size())),
                    StandardCharsets.UTF_8) : known.get(random.nextInt(known.size())));
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }

    private String query(List<JsonNode> parameters, boolean hostile) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : parameters) {
            if (!"query".equals(p.path("in").asString())) {
                continue;
            }
            String value;
            if (hostile) {
                String text = HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
                value = random.nextInt(4) == 0 ? text.replace(" ", "+") : java.net.URLEncoder.encode(text,
                        StandardCharsets.UTF_8);
            } else {
                JsonNode example = example(p.path("schema"), 0);
                value = java.net.URLEncoder.encode(example.isString() ? example.asString() : example.toString(),
                        StandardCharsets.UTF_8);
            }
            q.append(q.isEmpty() ? "?" : "&").append(p.path("name").asString()).append('=').append(value);
        }
        return q.toString();
    }

    /** Rows, versions and last changes of every stored table but the logs, as one string. */
    private String fingerprintQuery() {
        List<String> parts = new ArrayList<>();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema IN "
                + "('PUBLIC', 'public') AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list();
        for (String table : tables) {
            String t = table.toLowerCase(java.util.Locale.ROOT);
            // logs that record refusals too (the access log, its seals, sign-in events) and the job tables
            // and the portal's count of sign-in requests and tries, which count refused ones by design
            if (List.of("access_log", "access_log_seal", "sign_in_event", "event_publication", "shedlock",
                    "flyway_schema_history", "portal_code_request", "portal_code").contains(t)) {
                continue;
            }
            List<String> columns = jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns WHERE "
                    + "LOWER(table_name) = :t").param("t", t).query(String.class).list();
            String expr = "CAST(COUNT(*) AS VARCHAR)"
                    + (columns.contains("version") ? " || '/' || CAST(COALESCE(SUM(version), 0) AS VARCHAR)" : "")
                    + (columns.contains("updated_at") ? " || '/' || COALESCE(CAST(MAX(updated_at) AS VARCHAR), '')" : "");
            parts.add("SELECT '" + t + "=' || " + expr + " FROM " + t);
        }
        return String.join(" UNION ALL ", parts);
    }

    private String fingerprint() {
        List<String> rows = new ArrayList<>(jdbc.sql(fingerprintSql).query(String.class).list());
        java.util.Collections.sort(rows);
        return String.join(";", rows);
    }

    private static String abbreviate(byte[] raw) {
        if (raw == null) {
            return "";
        }
        String s = new String(raw, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

}
