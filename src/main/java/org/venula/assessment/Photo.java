package org.venula.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A clinical photograph's record; the image itself is a file under VENULA_DATA_DIR. */
public record Photo(long id, long patientId, Long consultationId, Long areaId, View view, LocalDate takenOn,
        String notes, String contentType, long sizeBytes, int width, int height, OffsetDateTime createdAt,
        String createdBy) {

    /** Standard views (seed 003: same light and distance each time). */
    public enum View {
        AREA, RIGHT_LEG_FRONT, RIGHT_LEG_BACK, LEFT_LEG_FRONT, LEFT_LEG_BACK, BOTH_LEGS_FRONT, BOTH_LEGS_BACK
    }

    /** The bytes of an image or its thumbnail, with the content type to serve. */
    public record Image(byte[] bytes, String contentType) {
    }
}
