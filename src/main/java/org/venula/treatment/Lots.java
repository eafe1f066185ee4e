package org.venula.treatment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Paging;
import org.venula.shared.Reason;
import org.venula.treatment.internal.LotStore;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The clinic's sclerosant stock: lots received, recalled with a reason (never deleted), and the recall search that
 * lists every patient and session that received a lot. Clinicians and administrators manage lots.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Lots {

    private final LotStore store;
    private final Protocols protocols;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    @Transactional
    public Lot receive(VenulaPrincipal me, NewLot lot) {
        me.requireClinicalRecord();
        ProtocolDocument protocol = protocols.active(me.clinicId()).document();
        List<FieldProblem> problems = new ArrayList<>();
        ProtocolDocument.SclerosantSetting agent = lot.agent() == null ? null : protocol.sclerosants().stream()
                .filter(s -> s.agent().equals(lot.agent())).findFirst().orElse(null);
        if (agent == null) {
            problems.add(new FieldProblem("agent", "must be one of " + String.join(", ", protocol.stockedAgents())));
        }
        if (lot.product() == null || lot.product().isBlank() || lot.product().length() > 120) {
            problems.add(new FieldProblem("product", "is required (the brand, e.g. Aethoxysklerol), at most 120 characters"));
        }
        if (lot.strengthPercent() == null) {
            problems.add(new FieldProblem("strengthPercent", "is required"));
        } else if (agent != null && agent.strengths().stream().noneMatch(s -> s.compareTo(lot.strengthPercent()) == 0)) {
            problems.add(new FieldProblem("strengthPercent", "must be one of the strengths the protocol lists for "
                    + agent.name() + ": " + String.join(", ", agent.strengths().stream()
                            .map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString).toList()) + "%"));
        }
        if (lot.lotNumber() == null || !lot.lotNumber().trim().matches("[A-Za-z0-9][A-Za-z0-9./-]{0,59}")) {
            problems.add(new FieldProblem("lotNumber", "is required: letters, digits, '.', '/' or '-', up to 60"));
        }
        LocalDate today = clinics.today(me.clinicId());
        LocalDate received = lot.receivedOn() == null ? today : lot.receivedOn();
        if (received.isAfter(today)) {
            problems.add(new FieldProblem("receivedOn", "must not be in the future"));
        }
        FieldProblem.required(problems, "expiryDate", lot.expiryDate(), "is required");
        if (lot.quantity() == null) {
            problems.add(new FieldProblem("quantity", "is required: the number of ampoules or vials"));
        } else if (lot.quantity() < 0 || lot.quantity() > 100_000) {
            problems.add(new FieldProblem("quantity", "must be from 0 to 100000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (store.lotExists(me.clinicId(), lot.agent(), lot.lotNumber().trim())) {
            throw new ConflictException("lot-exists", "lotNumber",
                    "Lot " + lot.lotNumber().trim() + " of " + agent.name() + " is already in stock.");
        }
        long id = store.insertLot(me.clinicId(), lot, received, now(), me.getUsername());
        return get(me, id);
    }

    public List<Lot> all(VenulaPrincipal me) {
        me.requireClinicalRecord();
        return store.lots(me.clinicId());
    }

    /** One page of the clinic's lots, for the API: in date, expired and recalled alike. */
    public Paging.Paged<Lot> page(VenulaPrincipal me, Paging paging) {
        me.requireClinicalRecord();
        return paging.of(store.lots(me.clinicId(), paging.limit(), paging.offset()));
    }

    public Lot get(VenulaPrincipal me, long id) {
        return store.lot(me.clinicId(), id).orElseThrow(() -> new NotFoundException("Lot " + id));
    }

    @Transactional
    public Lot recall(VenulaPrincipal me, long id, String reason) {
        me.requireClinicalRecord();
        Lot lot = get(me, id);
        String why = Reason.required(reason, "is required: say why the lot is recalled (at most 1000 characters)");
        if (!store.recall(me.clinicId(), id, why, now(), me.getUsername())) {
            throw new ConflictException("lot-recalled", null, "Lot " + lot.lotNumber() + " was already recalled.");
        }
        return get(me, id);
    }

    /** Every patient and session that received a lot with this number; each patient's read goes in the access log. */
    @Transactional
    public Paging.Paged<LotRecipient> recipients(VenulaPrincipal me, String lotNumber, Paging paging) {
        me.requireClinicalRecord();
        if (!store.lotNumberExists(me.clinicId(), lotNumber.trim())) {
            throw new NotFoundException("Lot " + lotNumber.trim());
        }
        Paging.Paged<LotRecipient> out = paging.of(store.recipients(me.clinicId(), lotNumber.trim(), paging.limit(),
                paging.offset()));
        accessLog.recordShown(me.clinicId(), out.items(), LotRecipient::patientId,
                AccessAction.SEARCH_LOT_RECIPIENTS, "lot " + lotNumber.trim());
        return out;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
