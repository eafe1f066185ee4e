package org.venula.accesslog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.venula.accesslog.internal.AccessLogChain;
import org.venula.accesslog.internal.AccessLogStore;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Appends entries to the access log and reads them back. It offers no way to change or delete an entry.
 * The caller's identity and address are taken from the current request, so a capability only says what it did.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessLog {

    private static final int DETAIL_MAX = 500;
    /** Who the log names for what a patient does in the portal. */
    public static final String PORTAL_ACTOR = "patient (portal)";
    private static final int MAX_PAGE_SIZE = 200;
    /** How far the log's total is counted (see {@link AccessLogPage}). */
    static final int COUNT_CAP = 10_000;

    private final AccessLogStore store;
    private final Clock clock;
    private final AccessLogChain chain;
    private final Clinics clinics;

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

    /**
     * Records what a patient did for themselves in the portal (signed in with a code sent to their address): the
     * actor is "patient (portal)" and the channel {@code PORTAL}. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordByPortalPatient(long clinicId, long patientId, AccessAction action, String detail) {
        AccessLogStore.NewEntry e = entry(clinicId, patientId, action, detail, null, PORTAL_ACTOR);
        store.insert(new AccessLogStore.NewEntry(e.at(), e.clinicId(), null, e.username(), e.patientId(), e.action(),
                e.detail(), e.remoteAddress(), "PORTAL"));
    }

    /**
     * Records that the signed-in user was shown these patients (a search's results, a calendar, a list, an export):
     * one entry per patient, so that each patient's own log says who saw them and where. Joins the caller's
     * transaction like {@link #record}.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordShown(long clinicId, Collection<Long> patientIds, AccessAction action, String detail) {
        recordShown(clinicId, patientIds, action, detail, currentUser(), null);
    }

    /**
     * As {@link #recordShown}, for rows that each name their patient: records every patient the rows show and answers
     * the rows, so that a facade returns what it logged.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public <T> List<T> recordShown(long clinicId, List<T> rows, Function<? super T, Long> patientOf,
            AccessAction action, String detail) {
        recordShown(clinicId, rows.stream().map(patientOf).toList(), action, detail);
        return rows;
    }

    /** As {@link #recordShown}, for what no signed-in user fetched (a practitioner's private calendar feed). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordShownTo(String actor, long clinicId, Collection<Long> patientIds, AccessAction action,
            String detail) {
        recordShown(clinicId, patientIds, action, detail, null, actor);
    }

    private void recordShown(long clinicId, Collection<Long> patientIds, AccessAction action, String detail,
            VenulaPrincipal who, String actor) {
        if (patientIds.isEmpty()) {
            return;
        }
        List<AccessLogStore.NewEntry> rows = new ArrayList<>();
        for (Long patientId : new LinkedHashSet<>(patientIds)) {
            rows.add(entry(clinicId, patientId, action, detail, who, actor));
        }
        store.insertAll(rows);
    }

    private void write(long clinicId, Long patientId, AccessAction action, String detail, VenulaPrincipal who,
            String actor) {
        store.insert(entry(clinicId, patientId, action, detail, who, actor));
    }

    private AccessLogStore.NewEntry entry(long clinicId, Long patientId, AccessAction action, String detail,
            VenulaPrincipal who, String actor) {
        HttpServletRequest request = currentRequest();
        String channel = request == null ? "SYSTEM" : request.getRequestURI().startsWith("/api/") ? "API" : "PAGE";
        return new AccessLogStore.NewEntry(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), clinicId,
                who == null ? null : who.userId(), who != null ? who.getUsername() : actor != null ? actor : "system",
                patientId, action, truncate(detail), request == null ? null : request.getRemoteAddr(), channel);
    }

    /** The entries for one patient of the clinic, newest first. */
    public List<AccessEntry> forPatient(long clinicId, long patientId, int limit, long offset) {
        return store.forPatient(clinicId, patientId, limit, offset);
    }

    /**
     * One page of the clinic's entries for an administrator, newest first: optionally one user's only, and only from
     * {@code from} to {@code to} (whole days in the clinic's time zone, both included). Reading the log is logged.
     */
    @Transactional
    public AccessLogPage read(VenulaPrincipal me, Long userId, LocalDate from, LocalDate to, int page, int size) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators see the access log");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must be on or after from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (userId != null && clinics.user(me.clinicId(), userId).isEmpty()) {
            throw new NotFoundException("User " + userId);
        }
        ZoneId zone = clinics.clinic(me.clinicId()).zone();
        AccessLogStore.Filter filter = new AccessLogStore.Filter(me.clinicId(), userId,
                from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        long total = store.count(filter, COUNT_CAP);
        List<AccessEntry> items = store.page(filter, size, (long) page * size);
        record(me.clinicId(), null, AccessAction.VIEW_ACCESS_LOG, "user " + (userId == null ? "any" : userId)
                + ", " + (from == null ? "start" : from) + " to " + (to == null ? "now" : to) + ", page " + page);
        return new AccessLogPage(items, page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /**
     * A patient's copy of who saw or changed their record (for a subject access request): one line per entry, oldest
     * first, with when, who, what and how.
     */
    public static String subjectAccessCsv(List<AccessEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("when_utc", "who", "what", "detail", "via").get())) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                AccessEntry e = entries.get(i);
                csv.printRecord(e.at().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0),
                        e.username(), e.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        e.detail() == null ? "" : e.detail(), e.channel().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Checks the clinic's hash chain from its first link (see {@link ChainVerification}). */
    public ChainVerification verify(VenulaPrincipal me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators verify the access log");
        }
        return chain.verify(me.clinicId(), Duration.ofMinutes(5));
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
