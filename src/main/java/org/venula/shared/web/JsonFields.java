package org.venula.shared.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON object into a record one component at a time, so that every value that cannot be read (an unknown
 * enum value, a word where a date belongs) is reported with its field path, not only the first. Nested records are
 * read the same way; a missing or null value becomes null.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Reads {@code node} as {@code type}, or throws {@link InvalidInputException} naming every unreadable field. */
    public static <R extends Record> R read(JsonMapper json, JsonNode node, Class<R> type) {
        return read(json, node, type, new java.util.ArrayList<>());
    }

    /** As {@link #read(JsonMapper, JsonNode, Class)}, adding to problems the caller has already found. */
    public static <R extends Record> R read(JsonMapper json, JsonNode node, Class<R> type, List<FieldProblem> problems) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        R value = read(json, node, type, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return value;
    }

    /**
     * Reads what it can and adds a problem for each unreadable field without throwing, so that a caller can add its
     * own checks and answer every problem at once. Unreadable fields are null.
     */
    public static <R extends Record> R readLeniently(JsonMapper json, JsonNode node, Class<R> type,
            List<FieldProblem> problems) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return read(json, node, type, "", problems, true);
    }

    private static <R extends Record> R read(JsonMapper json, JsonNode node, Class<R> type, String prefix,
            List<FieldProblem> problems) {
        return read(json, node, type, prefix, problems, false);
    }

    private static <R extends Record> R read(JsonMapper json, JsonNode node, Class<R> type, String prefix,
            List<FieldProblem> problems, boolean lenient) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            JsonNode field = node.get(c.getName());
            String path = prefix + c.getName();
            if (field == null || field.isNull()) {
                continue;
            }
            if (c.getType().isRecord()) {
                if (!field.isObject()) {
                    problems.add(new FieldProblem(path, "must be an object"));
                } else {
                    @SuppressWarnings("unchecked")
                    Class<? extends Record> nested = (Class<? extends Record>) c.getType();
                    values[i] = read(json, field, nested, path + ".", problems, lenient);
                }
                continue;
            }
            JavaType javaType = json.getTypeFactory().constructType(c.getGenericType());
            if (javaType.isCollectionLikeType() && field.isArray() && javaType.getContentType().getRawClass().isRecord()) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> element = (Class<? extends Record>) javaType.getContentType().getRawClass();
                List<Object> items = new java.util.ArrayList<>();
                for (int j = 0; j < field.size(); j++) {
                    JsonNode item = field.get(j);
                    if (item == null || !item.isObject()) {
                        problems.add(new FieldProblem(path + "[" + j + "]", "must be an object"));
                    } else {
                        items.add(read(json, item, element, path + "[" + j + "].", problems, lenient));
                    }
                }
                values[i] = items;
                continue;
            }
            if (javaType.isCollectionLikeType() && field.isArray()) {
                for (int j = 0; j < field.size(); j++) {
                    JsonNode item = field.get(j);
                    if (item.isNull()) {
                        problems.add(new FieldProblem(path + "[" + j + "]", "must not be null"));
                        continue;
                    }
                    try {
                        json.treeToValue(item, javaType.getContentType());
                    } catch (JacksonException e) {
                        problems.add(new FieldProblem(path + "[" + j + "]", message(item, javaType.getContentType(), e)));
                    }
                }
            }
            try {
                values[i] = json.treeToValue(field, javaType);
            } catch (JacksonException e) {
                if (!(javaType.isCollectionLikeType() && field.isArray())) {
                    problems.add(new FieldProblem(path, message(field, javaType, e)));
                }
            }
        }
        if (problems.size() > before && (!lenient || java.util.Arrays.stream(types).anyMatch(Class::isPrimitive))) {
            return null;
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static String message(JsonNode value, JavaType type, JacksonException failure) {
        if (failure instanceof RefusedValueException refused) {
            return refused.reason();
        }
        Class<?> raw = type.getRawClass();
        String shown = value.isString() ? "'" + value.asString() + "'" : value.toString();
        if (raw.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : raw.getEnumConstants()) {
                names.append(names.isEmpty() ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return shown + " is not one of " + names;
        }
        return switch (raw.getSimpleName()) {
            case "LocalDate" -> shown + " is not a date (YYYY-MM-DD)";
            case "Boolean" -> "must be true or false";
            case "Integer", "Long" -> "must be a whole number";
            case "BigDecimal" -> "must be a number";
            case "List" -> "must be a list";
            default -> shown + " is not a valid value";
        };
    }
}
