package org.venula.protocol;

import java.time.OffsetDateTime;

/** One saved version of a clinic's protocol. */
public record ProtocolVersion(int version, String id, String name, boolean active, OffsetDateTime createdAt,
        String createdBy, String note, ProtocolDocument document) {

    public ProtocolRef ref() {
        return new ProtocolRef(id, version);
    }
}
