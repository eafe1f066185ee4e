package org.venula.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * A review as recorded. {@code decision}: ANOTHER_SESSION, TOUCH_UP, DISCHARGE (with a maintenance recall; the
 * protocol's date unless {@code recallOn} is given) or REFER. {@code ceap}: C0 to C6 per leg. {@code reason} is needed
 * when the review falls outside the protocol's window or discharges before the planned sessions are done.
 */
public record RecordReview(Long planId, LocalDate reviewedOn, List<Area> areas, Integer satisfaction,
        Boolean wouldRepeat, String ceapLeft, String ceapRight, Integer vcssLeft, Integer vcssRight, String decision,
        LocalDate recallOn, String notes, String reason) {

    public record Area(Long areaId, Integer clearancePercent, Boolean drained, String drainageNote) {
    }
}
