package org.venula.protocol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.rules.ProtocolCheck;
import org.venula.shared.FieldProblem;

import tools.jackson.databind.JsonNode;
import org.venula.shared.web.StoredJson;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The presets shipped in {@code classpath:protocols/*.yaml}. A preset may say {@code basedOn: standard} and give only
 * what differs; it is merged onto its base (objects field by field, lists replaced) and then checked. A preset that
 * fails the check stops Venula at start-up with the file and field named.
 */
@Component
public class PresetLibrary {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Map<String, ProtocolDocument> presets;

    PresetLibrary(StoredJson stored) throws IOException {
        this.presets = load(stored.mapper(), "classpath:protocols/*.yaml");
    }

    public static Map<String, ProtocolDocument> load(JsonMapper json, String pattern) throws IOException {
        Map<String, ObjectNode> raw = new LinkedHashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            try (InputStream in = r.getInputStream()) {
                JsonNode node = YAML.readTree(in);
                if (!(node instanceof ObjectNode object) || !object.hasNonNull("id")) {
                    throw new IllegalStateException("Protocol preset " + r.getFilename() + " has no id");
                }
                raw.put(object.get("id").asString(), object);
            }
        }
        Map<String, ProtocolDocument> out = new LinkedHashMap<>();
        for (String id : raw.keySet()) {
            ObjectNode merged = resolve(id, raw, new ArrayList<>());
            merged.remove("basedOn");
            ProtocolDocument doc = json.treeToValue(merged, ProtocolDocument.class);
            List<FieldProblem> problems = ProtocolCheck.problems(doc);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Protocol preset '" + id + "' is invalid: " + problems.stream()
                        .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
            }
            out.put(id, doc);
        }
        // 'standard' first, then by name.
        Map<String, ProtocolDocument> sorted = new LinkedHashMap<>();
        if (out.containsKey("standard")) {
            sorted.put("standard", out.get("standard"));
        }
        out.values().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .forEach(d -> sorted.putIfAbsent(d.id(), d));
        return Collections.unmodifiableMap(sorted);
    }

    private static ObjectNode resolve(String id, Map<String, ObjectNode> raw, List<String> chain) {
        if (chain.contains(id)) {
            throw new IllegalStateException("Protocol presets are based on each other in a circle: " + chain);
        }
        ObjectNode node = raw.get(id);
        if (node == null) {
            throw new IllegalStateException("Protocol preset '" + chain.get(chain.size() - 1)
                    + "' is based on '" + id + "', which does not exist");
        }
        chain.add(id);
        if (!node.hasNonNull("basedOn")) {
            return node.deepCopy();
        }
        ObjectNode base = resolve(node.get("basedOn").asString(), raw, chain);
        merge(base, node);
        return base;
    }

    private static void merge(ObjectNode target, ObjectNode override) {
        for (Map.Entry<String, JsonNode> e : override.properties()) {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode t && e.getValue() instanceof ObjectNode o) {
                merge(t, o);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    public List<ProtocolDocument> all() {
        return List.copyOf(presets.values());
    }

    public Optional<ProtocolDocument> get(String id) {
        return Optional.ofNullable(presets.get(id));
    }
}
