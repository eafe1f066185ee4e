package org.venula.protocol.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.venula.protocol.ProtocolDocument;
import org.venula.support.Presets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standard preset with the edits a table row names, as {@code path = value} separated by {@code ;}:
 * {@code plan.sessionsMin.value = 5; plan.sessionsMax.value = 4}. A value is read as JSON when it is JSON
 * ({@code 30}, {@code 0.5}, {@code true}, {@code null}) and as text otherwise; a path names list items as
 * {@code instructions[0]}. And what a section's check finds in it, as {@code field: message}.
 */
final class EditedProtocol {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern STEP = Pattern.compile("([^\\[\\]]+)(?:\\[(\\d+)])?");

    private EditedProtocol() {
    }

    static ProtocolDocument standardWith(String edits) {
        ObjectNode tree = JSON.valueToTree(Presets.get("standard"));
        if (edits != null) {
            for (String edit : edits.split(";")) {
                String[] pathAndValue = edit.split("=", 2);
                set(tree, pathAndValue[0].trim(), value(pathAndValue[1].trim()));
            }
        }
        return JSON.treeToValue(tree, ProtocolDocument.class);
    }

    /** What {@code check} finds in the standard preset with {@code edits}, as {@code field: message}. */
    static List<String> problems(SectionCheck check, String edits) {
        FieldProblems problems = new FieldProblems();
        check.check(standardWith(edits), problems);
        return problems.list().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    /** A table's expected problems, separated by {@code ;}; none when the cell is empty. */
    static List<String> expected(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split(";")).map(String::trim).toList();
    }

    private static JsonNode value(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(text);
        }
    }

    private static void set(ObjectNode tree, String path, JsonNode value) {
        List<String> steps = new ArrayList<>(Arrays.asList(path.split("\\.")));
        String last = steps.remove(steps.size() - 1);
        JsonNode node = tree;
        for (String step : steps) {
            Matcher m = matched(step);
            JsonNode next = node.get(m.group(1));
            if (next == null || next.isNull()) {
                next = ((ObjectNode) node).putObject(m.group(1));
            }
            node = m.group(2) == null ? next : next.get(Integer.parseInt(m.group(2)));
        }
        Matcher m = matched(last);
        if (m.group(2) == null) {
            ((ObjectNode) node).set(m.group(1), value);
        } else {
            ((ArrayNode) node.get(m.group(1))).set(Integer.parseInt(m.group(2)), value);
        }
    }

    private static Matcher matched(String step) {
        Matcher m = STEP.matcher(step);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a step of a path: " + step);
        }
        return m;
    }
}
