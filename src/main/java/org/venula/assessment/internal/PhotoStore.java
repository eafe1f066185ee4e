package org.venula.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.venula.assessment.Photo;
import org.venula.shared.db.Inserts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Clinical photographs' records (the images are files); a row is inserted once, with its metadata removed. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PhotoStore {

    private static final String COLUMNS = """
            id, patient_id, consultation_id, area_id, photo_view, taken_on, notes, content_type, size_bytes, width,
            height, created_at, created_by""";

    private final JdbcClient jdbc;

    /** A photo to record: its files are already written, with their metadata removed. */
    public record NewPhoto(long clinicId, long patientId, long consultationId, Long areaId, Photo.View view,
            LocalDate takenOn, String notes, String contentType, long sizeBytes, int width, int height,
            String fileName, String thumbName, OffsetDateTime at, String by) {
    }

    /** Where a photo's image and thumbnail are, and the image's content type. */
    public record StoredFiles(long patientId, String file, String thumb, String contentType) {
    }

    public long insert(NewPhoto p) {
        return Inserts.id(jdbc.sql("""
                INSERT INTO photo (clinic_id, patient_id, consultation_id, area_id, photo_view, taken_on, notes,
                  content_type, size_bytes, width, height, file_name, thumb_name, created_at, created_by,
                  metadata_removed)
                VALUES (:clinic, :patient, :c, :area, :view, :taken, :notes, :type, :size, :w, :h, :file, :thumb,
                  :at, :by, TRUE)""")
                .param("clinic", p.clinicId()).param("patient", p.patientId()).param("c", p.consultationId())
                .param("area", p.areaId()).param("view", p.view().name()).param("taken", p.takenOn())
                .param("notes", p.notes()).param("type", p.contentType()).param("size", p.sizeBytes())
                .param("w", p.width()).param("h", p.height()).param("file", p.fileName())
                .param("thumb", p.thumbName()).param("at", p.at()).param("by", p.by()));
    }

    public Optional<StoredFiles> files(long clinicId, long photoId) {
        return jdbc.sql("SELECT patient_id, file_name, thumb_name, content_type FROM photo WHERE id = :id AND clinic_id = :c")
                .param("id", photoId).param("c", clinicId)
                .query((rs, n) -> new StoredFiles(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Optional<Photo> find(long clinicId, long photoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM photo WHERE id = :id AND clinic_id = :c").param("id", photoId)
                .param("c", clinicId).query(PhotoStore::photo).optional();
    }

    public List<Photo> forPatient(long clinicId, long patientId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM photo WHERE patient_id = :p AND clinic_id = :c ORDER BY taken_on DESC, id DESC")
                .param("p", patientId).param("c", clinicId).query(PhotoStore::photo).list();
    }

    public List<Photo> forConsultation(long clinicId, long consultationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM photo WHERE consultation_id = :k AND clinic_id = :c ORDER BY id")
                .param("k", consultationId).param("c", clinicId).query(PhotoStore::photo).list();
    }

    private static Photo photo(ResultSet rs, int row) throws SQLException {
        return new Photo(rs.getLong("id"), rs.getLong("patient_id"), rs.getObject("consultation_id", Long.class),
                rs.getObject("area_id", Long.class), Photo.View.valueOf(rs.getString("photo_view")),
                rs.getObject("taken_on", LocalDate.class), rs.getString("notes"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
