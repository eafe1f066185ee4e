package org.venula.treatment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.protocol.Restriction;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.treatment.rules.DoseCheck;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The stateless dose check, and the input bounds it shares with charting. Clinicians and administrators only. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DoseChecks {

    static final BigDecimal MIN_WEIGHT = BigDecimal.valueOf(20);
    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(300);
    static final BigDecimal MAX_CONCENTRATION = BigDecimal.valueOf(3);
    static final BigDecimal MAX_VOLUME = BigDecimal.valueOf(20);

    private final Protocols protocols;

    public DoseCheck.Result check(VenulaPrincipal me, DoseCheckRequest request) {
        return check(me, request, List.of());
    }

    /** As {@link #check(VenulaPrincipal, DoseCheckRequest)}, answering {@code unreadable} fields with the rest. */
    public DoseCheck.Result check(VenulaPrincipal me, DoseCheckRequest request, List<FieldProblem> unreadable) {
        me.requireClinicalRecord();
        List<FieldProblem> problems = new ArrayList<>();
        ProtocolDocument protocol = null;
        try {
            protocol = protocols.resolve(me.clinicId(), request.protocol()).document();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        weight(problems, "weightKg", request.weightKg());
        Set<Restriction> restrictions = EnumSet.noneOf(Restriction.class);
        if (request.restrictions() != null) {
            for (int i = 0; i < request.restrictions().size(); i++) {
                Restriction r = restriction(request.restrictions().get(i));
                if (protocol != null && !known(protocol, r)) {
                    problems.add(new FieldProblem("restrictions[" + i + "]", "must be LIMIT_FOAM, NO_FOAM or AVOID_ "
                            + "followed by a stocked agent (" + String.join(", ", protocol.stockedAgents()) + ")"));
                } else if (r != null) {
                    restrictions.add(r);
                }
            }
        }
        List<DoseCheck.Injection> injections = new ArrayList<>();
        if (request.injections() == null) {
            problems.add(new FieldProblem("injections", "is required (it may be empty)"));
        } else {
            for (int i = 0; i < request.injections().size(); i++) {
                DoseCheckRequest.Item item = request.injections().get(i);
                String path = "injections[" + i + "].";
                if (item == null) {
                    problems.add(new FieldProblem("injections[" + i + "]", "is required"));
                    continue;
                }
                if (item.agent() == null || protocol != null && !protocol.stockedAgents().contains(item.agent())) {
                    problems.add(new FieldProblem(path + "agent", protocol == null ? "is required"
                            : "must be one of " + String.join(", ", protocol.stockedAgents())));
                }
                concentration(problems, path + "concentrationPercent", item.concentrationPercent());
                if (item.form() == null) {
                    problems.add(new FieldProblem(path + "form", "is required: LIQUID or FOAM"));
                }
                volume(problems, path + "volumeMl", item.volumeMl());
                ProtocolDocument.ChartingDefaults defaults = protocol == null
                        ? ProtocolDocument.ChartingDefaults.STANDARD : protocol.chartingDefaults();
                Integer lp = parts(problems, path + "liquidParts", item.liquidParts(), defaults.foamLiquidParts());
                Integer gp = parts(problems, path + "gasParts", item.gasParts(), defaults.foamGasParts());
                if (problems.isEmpty()) {
                    injections.add(new DoseCheck.Injection(item.agent(), item.concentrationPercent(), item.form(),
                            item.volumeMl(), lp, gp, item.veinType()));
                }
            }
        }
        if (!problems.isEmpty() || !unreadable.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(unreadable);
            Set<String> named = new java.util.HashSet<>(unreadable.stream().map(FieldProblem::field).toList());
            problems.stream().filter(p -> named.add(p.field())).forEach(all::add);
            throw new InvalidInputException(all);
        }
        return DoseCheck.check(request.weightKg(), DoseCheck.Limits.of(protocol), restrictions, injections,
                List.of());
    }

    /** The restriction a request names, or null when it names none. */
    private static Restriction restriction(String code) {
        return Arrays.stream(Restriction.values()).filter(r -> r.name().equals(code)).findFirst().orElse(null);
    }

    /** LIMIT_FOAM, NO_FOAM, or avoiding an agent the protocol stocks. */
    private static boolean known(ProtocolDocument protocol, Restriction r) {
        return r == Restriction.LIMIT_FOAM || r == Restriction.NO_FOAM
                || r != null && protocol.stockedAgents().stream().anyMatch(agent -> Restriction.avoiding(agent) == r);
    }

    static void weight(List<FieldProblem> problems, String field, BigDecimal kg) {
        if (kg == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (kg.compareTo(MIN_WEIGHT) < 0 || kg.compareTo(MAX_WEIGHT) > 0) {
            problems.add(new FieldProblem(field, "must be between 20 and 300 kg"));
        }
    }

    static void concentration(List<FieldProblem> problems, String field, BigDecimal percent) {
        if (percent == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (percent.signum() <= 0 || percent.compareTo(MAX_CONCENTRATION) > 0) {
            problems.add(new FieldProblem(field, "must be above 0 and at most 3%"));
        }
    }

    static void volume(List<FieldProblem> problems, String field, BigDecimal ml) {
        if (ml == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (ml.signum() <= 0 || ml.compareTo(MAX_VOLUME) > 0) {
            problems.add(new FieldProblem(field, "must be above 0 and at most 20 mL for one injection"));
        }
    }

    /** A whole number of parts, at least 1 and at most 20; null gives the default. */
    static Integer parts(List<FieldProblem> problems, String field, BigDecimal value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(20)) > 0) {
            problems.add(new FieldProblem(field, "must be a whole number from 1 to 20"));
            return null;
        }
        return value.intValueExact();
    }
}
