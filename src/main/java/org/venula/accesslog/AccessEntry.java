package org.venula.accesslog;

import java.time.OffsetDateTime;

/** One line of the access log. */
public record AccessEntry(long id, OffsetDateTime at, Long userId, String username, Long patientId,
        AccessAction action, String detail, String remoteAddress, String channel) {
}
