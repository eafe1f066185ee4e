package org.venula.aftercare;

import java.time.LocalDate;
import java.util.List;

import org.venula.protocol.ProtocolRef;

/**
 * A dated aftercare plan. Each instruction applies from {@code from} through {@code until} (its last day);
 * {@code milestone} names the day after (e.g. "Stockings off"). Windows are inclusive.
 */
public record AftercarePlan(List<Instruction> instructions, Window review, Window resultPhotos,
        List<RedFlag> redFlags, List<String> normal, ProtocolRef protocol) {

    public record Instruction(String code, LocalDate from, LocalDate until, String text, String milestone) {
    }

    public record Window(LocalDate from, LocalDate until) {
    }

    /** A symptom to act on, most urgent first, with what to do. */
    public record RedFlag(String symptom, String level, String text, String advice) {
    }
}
