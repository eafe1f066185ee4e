package org.venula.aftercare;

import java.time.LocalDate;
import java.util.List;

/**
 * A stateless aftercare plan. {@code protocol} names a preset; without it the clinic's active protocol applies.
 * {@code veinTypes}: TELANGIECTASIA, RETICULAR, VARICOSE_TRIBUTARY.
 */
public record PlanRequest(String protocol, LocalDate treatmentDate, List<String> veinTypes, Boolean foamUsed,
        Boolean prolongedStandingJob) {
}
