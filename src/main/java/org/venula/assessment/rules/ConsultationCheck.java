package org.venula.assessment.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.ConsultationRequest.AreaEntry;
import org.venula.assessment.ConsultationRequest.CeapLeg;
import org.venula.patient.DuplexResult;
import org.venula.shared.FieldProblem;

/** Everything that makes a consultation record incomplete or impossible, each problem naming its field. */
public final class ConsultationCheck {

    public static final int MAX_AREAS = 40;
    private static final Set<String> ETIOLOGY = Set.of("Ec", "Ep", "Es", "Esi", "Ese", "En");
    private static final Set<String> PATHOPHYSIOLOGY = Set.of("Pr", "Po", "Pr,o", "Pn");

    private ConsultationCheck() {
    }

    public static List<FieldProblem> problems(ConsultationRequest r, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (r.consultedOn() != null && r.consultedOn().isAfter(today)) {
            p.add(new FieldProblem("consultedOn", "must not be in the future"));
        }
        required(p, "standingExamination", r.standingExamination());
        required(p, "dopplerDone", r.dopplerDone());
        required(p, "duplexDone", r.duplexDone());
        required(p, "visibleVaricoseVeins", r.visibleVaricoseVeins());
        boolean scanned = Boolean.TRUE.equals(r.dopplerDone()) || Boolean.TRUE.equals(r.duplexDone());
        if (scanned && (r.refluxResult() == null || r.refluxResult() == DuplexResult.NOT_DONE)) {
            p.add(new FieldProblem("refluxResult", "is required when a Doppler or duplex was done: NO_REFLUX, "
                    + "SUPERFICIAL_REFLUX or DEEP_REFLUX"));
        }
        if (!scanned && r.refluxResult() != null && r.refluxResult() != DuplexResult.NOT_DONE) {
            p.add(new FieldProblem("refluxResult", "needs dopplerDone or duplexDone to be true"));
        }
        max(p, "refluxSegments", r.refluxSegments(), 500);
        max(p, "notes", r.notes(), 2000);
        if (r.ceap() == null) {
            p.add(new FieldProblem("ceap", "is required: CEAP for the left and right leg"));
        } else {
            ceap(p, "ceap.left", r.ceap().left());
            ceap(p, "ceap.right", r.ceap().right());
        }
        if (r.vcss() != null) {
            vcss(p, "vcss.left", r.vcss().left());
            vcss(p, "vcss.right", r.vcss().right());
        }
        areas(p, r.areas());
        if (r.override() != null && (r.override().outcome() != null || r.override().reason() != null)) {
            if (r.override().outcome() == null) {
                p.add(new FieldProblem("override.outcome", "is required"));
            }
            if (r.override().reason() == null || r.override().reason().isBlank()) {
                p.add(new FieldProblem("override.reason", "is required: say why the derived outcome does not apply"));
            }
            max(p, "override.reason", r.override().reason(), 1000);
        }
        return p;
    }

    private static void ceap(List<FieldProblem> p, String path, CeapLeg c) {
        if (c == null) {
            p.add(new FieldProblem(path, "is required"));
            return;
        }
        if (c.clinical() == null) {
            p.add(new FieldProblem(path + ".clinical", "is required (C0 to C6r)"));
        }
        required(p, path + ".symptomatic", c.symptomatic());
        if (c.etiology() != null && !ETIOLOGY.contains(c.etiology())) {
            p.add(new FieldProblem(path + ".etiology", "must be one of " + String.join(", ", new java.util.TreeSet<>(ETIOLOGY))));
        }
        if (c.pathophysiology() != null && !PATHOPHYSIOLOGY.contains(c.pathophysiology())) {
            p.add(new FieldProblem(path + ".pathophysiology", "must be one of Pr, Po, Pr,o, Pn"));
        }
        max(p, path + ".anatomy", c.anatomy(), 100);
    }

    private static void vcss(List<FieldProblem> p, String path, Vcss v) {
        if (v == null) {
            return;
        }
        Integer[] items = v.items();
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null || items[i] < 0 || items[i] > 3) {
                p.add(new FieldProblem(path + "." + Vcss.ITEM_NAMES[i], "must be 0, 1, 2 or 3"));
            }
        }
    }

    private static void areas(List<FieldProblem> p, List<AreaEntry> areas) {
        if (areas == null) {
            return;
        }
        if (areas.size() > MAX_AREAS) {
            p.add(new FieldProblem("areas", "must hold at most " + MAX_AREAS + " areas"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaEntry a = areas.get(i);
            String path = "areas[" + i + "]";
            if (a == null) {
                p.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (a.leg() == null) {
                p.add(new FieldProblem(path + ".leg", "is required"));
            }
            if (a.region() == null) {
                p.add(new FieldProblem(path + ".region", "is required"));
            }
            if (a.aspect() == null) {
                p.add(new FieldProblem(path + ".aspect", "is required"));
            }
            if (a.veinType() == null) {
                p.add(new FieldProblem(path + ".veinType", "is required"));
            }
            if (a.size() == null) {
                p.add(new FieldProblem(path + ".size", "is required (SMALL, MEDIUM or LARGE)"));
            }
            max(p, path + ".note", a.note(), 500);
            if (!seen.add(a.leg() + "/" + a.region() + "/" + a.aspect() + "/" + a.veinType())) {
                p.add(new FieldProblem(path, "is mapped twice"));
            }
        }
    }

    private static void required(List<FieldProblem> p, String field, Boolean value) {
        if (value == null) {
            p.add(new FieldProblem(field, "must be answered (true or false)"));
        }
    }

    private static void max(List<FieldProblem> p, String field, String value, int max) {
        if (value != null && value.length() > max) {
            p.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }
}
