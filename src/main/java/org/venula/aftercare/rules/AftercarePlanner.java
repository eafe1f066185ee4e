package org.venula.aftercare.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.venula.protocol.VeinType;
import org.venula.protocol.ProtocolDocument.AftercareInstruction;
import org.venula.protocol.ProtocolDocument.AftercareSettings;
import org.venula.protocol.ProtocolDocument.Window;

/**
 * Dates an aftercare regime from the treatment date D (day 0). An instruction lasting N days runs from D through
 * D + N (its {@code until} is the last day it applies); one that follows another starts the day after the other's
 * until. Where the protocol gives days by vein type, for a standing job or for foam, the longest that applies wins.
 * Windows in months add calendar months to D ({@link LocalDate#plusMonths}: 30 November + 3 months is the last day of
 * February); each end counts from D.
 */
public final class AftercarePlanner {

    private AftercarePlanner() {
    }

    /** What the plan is made from: the date, the veins treated, foam, and a job with long standing. */
    public record Facts(LocalDate treatmentDate, Set<VeinType> veinTypes, boolean foamUsed, boolean prolongedStanding) {
    }

    public record Instruction(String code, LocalDate from, LocalDate until, String text, String milestone) {
    }

    public record DateWindow(LocalDate from, LocalDate until) {
    }

    public record Plan(List<Instruction> instructions, DateWindow review, DateWindow resultPhotos) {
    }

    public static Plan plan(AftercareSettings settings, Facts facts) {
        LocalDate d = facts.treatmentDate();
        Map<String, LocalDate> untils = new HashMap<>();
        List<Instruction> out = new ArrayList<>();
        for (AftercareInstruction in : settings.instructions()) {
            LocalDate from = in.after() == null ? d : untils.getOrDefault(in.after(), d.minusDays(1)).plusDays(1);
            Integer days = days(in, facts);
            if (days == null) {
                continue; // no day count applies to the veins treated
            }
            LocalDate until = d.plusDays(days);
            untils.put(in.code(), until);
            if (until.isBefore(from)) {
                continue; // the instruction it follows already lasts as long
            }
            out.add(new Instruction(in.code(), from, until, in.text(), in.milestone()));
        }
        boolean onlyTelangiectasia = facts.veinTypes().equals(Set.of(VeinType.TELANGIECTASIA));
        return new Plan(out, window(d, settings.review()), window(d,
                onlyTelangiectasia ? settings.resultPhotosTelangiectasiaOnly() : settings.resultPhotosOtherwise()));
    }

    /** The longest day count that applies, or null when none does. */
    static Integer days(AftercareInstruction in, Facts facts) {
        Integer best = in.days();
        if (in.daysByVeinType() != null) {
            for (VeinType type : facts.veinTypes()) {
                best = max(best, in.daysByVeinType().get(type.name()));
            }
        }
        if (facts.prolongedStanding()) {
            best = max(best, in.daysIfProlongedStanding());
        }
        if (facts.foamUsed()) {
            best = max(best, in.daysIfFoam());
        }
        return best;
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    static DateWindow window(LocalDate d, Window w) {
        if (w.fromDays() != null && w.toDays() != null) {
            return new DateWindow(d.plusDays(w.fromDays()), d.plusDays(w.toDays()));
        }
        return new DateWindow(d.plusMonths(w.fromMonths()), d.plusMonths(w.toMonths()));
    }
}
