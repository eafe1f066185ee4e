package org.venula.accesslog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.venula.clinic.VenulaPrincipal;

/**
 * Appends entries to the access log and reads them back. It offers no way to change or delete an entry.
 * The caller's identity and address are taken from the current request, so a capability only says what it did.
 */
@Service
public class AccessLog {

    private static final int DETAIL_MAX = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that the signed-in user did {@code action} on a patient's record (patientId may be null for a search).
     * Joins the caller's transaction, so a write that fails leaves no entry claiming it happened.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(long clinicId, Long patientId, AccessAction action, String detail) {
        write(clinicId, patientId, action, detail, currentUser(), null);
    }

    /** Records what a patient did through their private link (no user account): the actor is "patient link". */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordByPatientLink(long clinicId, long patientId, AccessAction action, String detail) {
        write(clinicId, patientId, action, detail, null, "patient link");
    }

    private void write(long clinicId, Long patientId, AccessAction action, String detail, VenulaPrincipal who,
            String actor) {
        HttpServletRequest request = currentRequest();
        String channel = request == null ? "SYSTEM" : request.getRequestURI().startsWith("/api/") ? "API" : "PAGE";
        jdbc.sql("""
                INSERT INTO access_log (at, clinic_id, user_id, username, patient_id, action, detail, remote_address, channel)
                VALUES (:at, :clinic, :user, :username, :patient, :action, :detail, :address, :channel)""")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("clinic", clinicId)
                .param("user", who == null ? null : who.userId())
                .param("username", who != null ? who.getUsername() : actor != null ? actor : "system")
                .param("patient", patientId)
                .param("action", action.name())
                .param("detail", truncate(detail))
                .param("address", request == null ? null : request.getRemoteAddr())
                .param("channel", channel)
                .update();
    }

    /** The entries for one patient of the clinic, newest first. */
    public List<AccessEntry> forPatient(long clinicId, long patientId, int limit) {
        return jdbc.sql("""
                SELECT id, at, username, patient_id, action, detail, remote_address, channel FROM access_log
                WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("clinic", clinicId).param("patient", patientId).param("limit", limit)
                .query((rs, n) -> new AccessEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("username"), rs.getObject("patient_id", Long.class),
                        AccessAction.valueOf(rs.getString("action")), rs.getString("detail"),
                        rs.getString("remote_address"), rs.getString("channel")))
                .list();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }

    private static VenulaPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof VenulaPrincipal p ? p : null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}
