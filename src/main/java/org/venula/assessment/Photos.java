package org.venula.assessment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.internal.PhotoMetadata;
import org.venula.assessment.internal.PhotoStore;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.PayloadRejectedException;

/**
 * Clinical photographs: JPEG or PNG only (checked by their bytes, not their name), up to the configured size,
 * stored as files under {@code VENULA_DATA_DIR/photos} with a thumbnail. Only clinicians and admins of the clinic
 * see them, and every view is access-logged.
 */
@Service
public class Photos {

    private static final int THUMB_MAX = 320;

    private final PhotoStore store;
    private final Consultations consultations;
    private final org.venula.assessment.internal.ConsultationStore consultationStore;
    private final AccessLog accessLog;
    private final Clinics clinics;
    private final Clock clock;
    private final Path root;
    private final long maxBytes;

    Photos(PhotoStore store, Consultations consultations,
            org.venula.assessment.internal.ConsultationStore consultationStore, AccessLog accessLog, Clinics clinics,
            Clock clock,
            @Value("${venula.data-dir}") String dataDir, @Value("${venula.photos.max-size:15MB}") DataSize maxSize) {
        this.store = store;
        this.consultations = consultations;
        this.consultationStore = consultationStore;
        this.accessLog = accessLog;
        this.clinics = clinics;
        this.clock = clock;
        this.root = Path.of(dataDir, "photos");
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public Photo upload(VenulaPrincipal me, long consultationId, byte[] bytes, Long areaId, Photo.View view,
            LocalDate takenOn, String notes) {
        Consultation c = consultations.get(me, consultationId);
        long id = store(me.clinicId(), c, bytes, areaId, view, takenOn, notes, me.getUsername());
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.UPLOAD_PHOTO, "photo " + id);
        return find(me, id);
    }

    /**
     * A result photo the patient takes at home and sends from the portal, of one mapped area of their own
     * consultation: checked, cleaned of metadata and stored exactly as staff photos are, so it appears on the chart
     * beside the photos taken before. The caller has checked that the patient is in their result-photo window.
     */
    @Transactional
    public long uploadByPatient(long clinicId, long patientId, long consultationId, long areaId, byte[] bytes) {
        Consultation c = consultationStore.find(clinicId, consultationId).filter(x -> x.patientId() == patientId)
                .orElseThrow(() -> new org.venula.shared.NotFoundException("Consultation " + consultationId));
        long id = store(clinicId, c, bytes, areaId, Photo.View.AREA, null, "Result photo sent by the patient",
                AccessLog.PORTAL_ACTOR);
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.UPLOAD_PHOTO, "photo " + id);
        return id;
    }

    private long store(long clinicId, Consultation c, byte[] bytes, Long areaId, Photo.View view, LocalDate takenOn,
            String notes, String by) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "is required: choose a JPEG or PNG photo");
        }
        if (bytes.length > maxBytes) {
            throw new PayloadRejectedException(PayloadRejectedException.Reason.TOO_LARGE, "file",
                    "The photo is " + megabytes(bytes.length) + "; this clinic accepts up to " + megabytes(maxBytes) + ".");
        }
        String type = sniff(bytes);
        BufferedImage image = type == null ? null : read(bytes);
        if (image == null) {
            throw new PayloadRejectedException(PayloadRejectedException.Reason.UNSUPPORTED_TYPE, "file",
                    "Only JPEG or PNG photos are accepted, and this file is not a readable one.");
        }
        if (areaId != null && c.area(areaId) == null) {
            throw new InvalidInputException("areaId", "is not an area of this consultation");
        }
        LocalDate today = clinics.today(clinicId);
        LocalDate taken = takenOn == null ? today : takenOn;
        if (taken.isAfter(today)) {
            throw new InvalidInputException("takenOn", "must not be in the future");
        }
        if (notes != null && notes.length() > 500) {
            throw new InvalidInputException("notes", "must be at most 500 characters");
        }
        Photo.View v = view == null ? (areaId == null ? Photo.View.BOTH_LEGS_FRONT : Photo.View.AREA) : view;
        String stem = clinicId + "/" + c.patientId() + "/" + UUID.randomUUID();
        String fileName = stem + (type.equals("image/png") ? ".png" : ".jpg");
        String thumbName = stem + "-thumb.jpg";
        PhotoMetadata.Cleaned cleaned = PhotoMetadata.clean(bytes, type);
        BufferedImage upright = PhotoMetadata.upright(image, cleaned.orientation());
        write(fileName, cleaned.bytes());
        write(thumbName, thumbnail(upright));
        long id;
        try {
            id = store.insert(new PhotoStore.NewPhoto(clinicId, c.patientId(), c.id(), areaId, v, taken,
                    notes == null || notes.isBlank() ? null : notes.trim(), type, cleaned.bytes().length,
                    upright.getWidth(), upright.getHeight(), fileName, thumbName,
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), by));
        } catch (RuntimeException e) {
            delete(fileName);
            delete(thumbName);
            throw e;
        }
        return id;
    }

    /** The image (or its thumbnail); logged as a view of the patient's record. */
    @Transactional
    public Photo.Image image(VenulaPrincipal me, long photoId, boolean thumbnail) {
        me.requireClinicalRecord();
        PhotoStore.StoredFiles s = store.files(me.clinicId(), photoId)
                .orElseThrow(() -> new NotFoundException("Photo " + photoId));
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.VIEW_PHOTO,
                "photo " + photoId + (thumbnail ? " (thumbnail)" : ""));
        try {
            return thumbnail ? new Photo.Image(Files.readAllBytes(root.resolve(s.thumb())), "image/jpeg")
                    : new Photo.Image(Files.readAllBytes(root.resolve(s.file())), s.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("Photo file missing: " + photoId, e);
        }
    }

    public Photo find(VenulaPrincipal me, long photoId) {
        me.requireClinicalRecord();
        return store.find(me.clinicId(), photoId).orElseThrow(() -> new NotFoundException("Photo " + photoId));
    }

    public List<Photo> forPatient(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        return store.forPatient(me.clinicId(), patientId);
    }

    public List<Photo> forConsultation(VenulaPrincipal me, long consultationId) {
        me.requireClinicalRecord();
        return store.forConsultation(me.clinicId(), consultationId);
    }

    /** The image type from the file's first bytes, or null when it is neither JPEG nor PNG. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMB_MAX / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, java.awt.Color.WHITE, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(thumb, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(String name, byte[] bytes) {
        try {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the photo", e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            // best effort: an orphaned file holds no record and is never served
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
