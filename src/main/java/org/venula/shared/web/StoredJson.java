package org.venula.shared.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for documents Venula has stored itself (protocol versions, plans, screenings, consultations,
 * aftercare plans). Requests are read by the application's {@link JsonMapper}, which holds them to
 * {@link org.venula.shared.InputLimits}; what is already stored is read back as it is.
 */
public record StoredJson(JsonMapper mapper) {
}
