package org.venula.protocol;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument.RuleSetting;
import org.venula.protocol.internal.PresetLibrary;
import org.venula.protocol.internal.ProtocolStore;
import org.venula.protocol.rules.Citations;
import org.venula.protocol.rules.ProtocolCheck;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The protocol capability's facade: presets, the clinic's versions and its active one. A clinic that has never
 * chosen starts on {@code standard}, adopted as its version 1 the first time anything reads it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Protocols {

    public static final String DEFAULT_PRESET = "standard";

    private final PresetLibrary presets;
    private final ProtocolStore store;
    private final Clock clock;

    public List<ProtocolDocument> presets() {
        return presets.all();
    }

    public ProtocolDocument preset(String id) {
        return presets.get(id).orElseThrow(() -> new NotFoundException("Protocol '" + id + "'"));
    }

    /**
     * The clinic's active version, adopting the standard preset first if the clinic has none yet. Adoption holds the
     * clinic's row, so requests that arrive together on a new clinic adopt it once and all read that version.
     */
    @Transactional
    public ProtocolVersion active(long clinicId) {
        return store.active(clinicId).orElseGet(() -> {
            store.lockClinic(clinicId);
            return store.active(clinicId).orElseGet(() -> {
                store.adopt(clinicId, preset(DEFAULT_PRESET), "Adopted the standard preset", now(), "system");
                return store.active(clinicId).or(() -> adoptedElsewhere(clinicId)).orElseThrow(() ->
                        new ConflictException("busy", null, "The clinic's protocol is being set up by another "
                                + "request right now; nothing was stored. Try again."));
            });
        });
    }

    /**
     * Our adoption found another request's adoption of the same clinic not yet committed and stood aside (the
     * insert does nothing on a conflict; on H2 it does not wait for the other transaction): read again for a few
     * seconds until that one commits, rather than fail a request the other will have answered.
     */
    private java.util.Optional<ProtocolVersion> adoptedElsewhere(long clinicId) {
        for (int i = 0; i < 100; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.Optional.empty();
            }
            java.util.Optional<ProtocolVersion> v = store.active(clinicId);
            if (v.isPresent()) {
                return v;
            }
        }
        return java.util.Optional.empty();
    }

    @Transactional
    public List<ProtocolVersion> versions(long clinicId) {
        active(clinicId);
        return store.all(clinicId);
    }

    public ProtocolVersion version(long clinicId, int version) {
        return store.version(clinicId, version)
                .orElseThrow(() -> new NotFoundException("Protocol version " + version));
    }

    /**
     * The protocol a request names: a preset by id, or (when {@code id} is null) the clinic's active version.
     * Returns the document with the reference to record.
     */
    @Transactional
    public Resolved resolve(long clinicId, String id) {
        if (id == null || id.isBlank()) {
            ProtocolVersion v = active(clinicId);
            return new Resolved(v.document(), v.ref());
        }
        ProtocolDocument doc = presets.get(id).orElseThrow(() -> new InvalidInputException("protocol",
                "'" + id + "' is not a protocol; choose one of " + String.join(", ",
                        presets.all().stream().map(ProtocolDocument::id).toList()) + ", or leave it out for the clinic's own"));
        return new Resolved(doc, new ProtocolRef(doc.id(), doc.version() == null ? 1 : doc.version()));
    }

    public record Resolved(ProtocolDocument document, ProtocolRef ref) {
    }

    /**
     * A source recorded with a finding or a plan, as staff read it. Records made since sources had ids hold the
     * readable text already; older ones named seed files and {@code domain.md}, read here as the works' titles.
     */
    public String readable(String recorded) {
        return Citations.readable(recorded, preset(DEFAULT_PRESET).sources());
    }

    /** Saves a new active version (admins only). An invalid document changes nothing. */
    @Transactional
    public ProtocolVersion saveActive(VenulaPrincipal me, ProtocolDocument doc, String note) {
        return saveActive(me, doc, note, null);
    }

    /**
     * Saves a new active version made from the version {@code loaded} (when not null): if another version has become
     * active since, nothing is saved and the answer is 409 {@code stale-version}, so one administrator's save never
     * silently undoes another's.
     */
    @Transactional
    public ProtocolVersion saveActive(VenulaPrincipal me, ProtocolDocument doc, String note, Integer loaded) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators edit the protocol");
        }
        List<FieldProblem> problems = ProtocolCheck.problems(doc);
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        active(me.clinicId());
        // Saves of one clinic's protocol run one at a time: each becomes the next version, none is lost.
        store.lockClinic(me.clinicId());
        if (loaded != null && active(me.clinicId()).version() != loaded) {
            throw ConflictException.staleVersion("The clinic's protocol");
        }
        int version = store.insertActive(me.clinicId(), doc, note == null || note.isBlank() ? null : note.trim(), now(),
                me.getUsername());
        return version(me.clinicId(), version);
    }

    /** What differs between two documents, parameter by parameter, for the protocol page. */
    public static List<Change> changes(ProtocolDocument before, ProtocolDocument after) {
        List<Change> out = new ArrayList<>();
        compare(out, "Protocol", before.id(), after.id());
        compare(out, "Name", before.name(), after.name());
        compare(out, "Duplex required", before.screening().duplexRequired().value(),
                after.screening().duplexRequired().value());
        compare(out, "Clearance valid (days)", before.screening().clearanceValidityDays().value(),
                after.screening().clearanceValidityDays().value());
        for (ScreeningRule rule : ScreeningRule.values()) {
            RuleSetting a = before.rule(rule);
            RuleSetting b = after.rule(rule);
            compare(out, rule + " enabled", a.isEnabled(), b.isEnabled());
            compare(out, rule + " level", a.level(), b.level());
            compare(out, rule + " window (days)", a.windowDays(), b.windowDays());
            compare(out, rule + " source", before.cite(a.source()), after.cite(b.source()));
            compare(out, rule + " clinician text", a.clinicianText(), b.clinicianText());
            compare(out, rule + " patient text", a.patientText(), b.patientText());
        }
        compare(out, "Sclerosants", before.stockedAgents(), after.stockedAgents());
        if (before.plan() != null && after.plan() != null) {
            compare(out, "Sessions, fewest", before.plan().sessionsMin().value(), after.plan().sessionsMin().value());
            compare(out, "Sessions, most", before.plan().sessionsMax().value(), after.plan().sessionsMax().value());
            compare(out, "Days between sessions, at least", before.plan().intervalMinDays().value(),
                    after.plan().intervalMinDays().value());
            compare(out, "Days between sessions, usually", before.plan().intervalTypicalDays().value(),
                    after.plan().intervalTypicalDays().value());
            compare(out, "Agents by vein type", before.plan().agentByVeinType(), after.plan().agentByVeinType());
        }
        if (before.prices() != null && after.prices() != null) {
            compare(out, "Prices", before.prices(), after.prices());
        }
        if (before.consent() != null && after.consent() != null) {
            compare(out, "Consent text version", before.consent().textVersion(), after.consent().textVersion());
            compare(out, "Consent risks", before.consent().risks(), after.consent().risks());
        }
        return out;
    }

    public record Change(String parameter, String before, String after) {
    }

    private static void compare(List<Change> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Change(what, String.valueOf(a), String.valueOf(b)));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
