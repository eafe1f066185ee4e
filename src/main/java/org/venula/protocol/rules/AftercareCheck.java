package org.venula.protocol.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.AftercareInstruction;
import org.venula.protocol.ProtocolDocument.AftercareSettings;
import org.venula.protocol.ProtocolDocument.Window;
import org.venula.protocol.VeinType;

/**
 * Aftercare: at least one dated instruction, each with its own code, starting on the treatment day or after an
 * instruction listed before it, lasting 0 to 3650 days (or by vein type), with its text and source; and the review
 * and result-photo windows, each in days or in months, its end not before its start. Triage is {@link TriageCheck}.
 */
final class AftercareCheck extends RequiredSection<AftercareSettings> {

    static final int MAX_DAYS = 3650;

    AftercareCheck() {
        super("aftercare", ProtocolDocument::aftercare);
    }

    @Override
    void checkPresent(ProtocolDocument doc, AftercareSettings a, FieldProblems problems) {
        if (a.instructions() == null || a.instructions().isEmpty()) {
            problems.add("aftercare.instructions", "must list at least one instruction");
        } else {
            Set<String> codes = new HashSet<>();
            problems.eachPresent("aftercare.instructions", a.instructions(),
                    (path, in) -> instruction(problems, path, in, codes));
        }
        window(problems, "aftercare.review", a.review());
        window(problems, "aftercare.resultPhotosTelangiectasiaOnly", a.resultPhotosTelangiectasiaOnly());
        window(problems, "aftercare.resultPhotosOtherwise", a.resultPhotosOtherwise());
    }

    private static void instruction(FieldProblems problems, String path, AftercareInstruction in, Set<String> codes) {
        problems.uniqueCode(path + ".code", in.code(), codes, "is required: upper case letters, digits and _",
                "appears twice");
        if (in.after() != null && !codes.contains(in.after())) {
            problems.add(path + ".after", "must name an instruction listed before this one");
        }
        boolean any = in.days() != null || in.daysByVeinType() != null && !in.daysByVeinType().isEmpty();
        if (!any) {
            problems.add(path + ".days", "is required (or daysByVeinType)");
        }
        for (Integer d : Arrays.asList(in.days(), in.daysIfProlongedStanding(), in.daysIfFoam())) {
            if (d != null && !days(d)) {
                problems.add(path + ".days", "must be between 0 and " + MAX_DAYS);
            }
        }
        if (in.daysByVeinType() != null) {
            in.daysByVeinType().forEach((type, d) -> {
                if (!VeinType.isName(type)) {
                    problems.add(path + ".daysByVeinType." + type, "is not a vein type");
                } else if (d == null || !days(d)) {
                    problems.add(path + ".daysByVeinType." + type, "must be between 0 and " + MAX_DAYS);
                }
            });
        }
        problems.text(path + ".text", in.text(), 1000);
        problems.source(path, in.source());
    }

    private static boolean days(int d) {
        return d >= 0 && d <= MAX_DAYS;
    }

    private static void window(FieldProblems problems, String path, Window w) {
        if (!problems.present(path, w)) {
            return;
        }
        boolean days = w.fromDays() != null && w.toDays() != null;
        boolean months = w.fromMonths() != null && w.toMonths() != null;
        if (!days && !months) {
            problems.add(path, "needs fromDays and toDays, or fromMonths and toMonths");
        } else if (days && (w.fromDays() < 0 || w.toDays() < w.fromDays())) {
            problems.add(path + ".toDays", "must not be before fromDays (both 0 or more)");
        } else if (!days && (w.fromMonths() < 0 || w.toMonths() < w.fromMonths())) {
            problems.add(path + ".toMonths", "must not be before fromMonths (both 0 or more)");
        }
        problems.source(path, w.source());
    }
}
