package org.venula.shared.web;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for documents Venula has stored itself (protocol versions, plans, screenings, consultations,
 * aftercare plans). Requests are read by the application's {@link JsonMapper}, which holds them to
 * {@link org.venula.shared.InputLimits}; what is already stored is read back as it is.
 */
public record StoredJson(JsonMapper mapper) {

    /** A value as the column that keeps it as a document holds it. */
    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** A column's document read back as the type it was written from. */
    public <T> T read(String document, Class<T> type) {
        return mapper.readValue(document, type);
    }

    /** A column's document read back as a generic type, such as a list of records. */
    public <T> T read(String document, TypeReference<T> type) {
        return mapper.readValue(document, type);
    }
}
