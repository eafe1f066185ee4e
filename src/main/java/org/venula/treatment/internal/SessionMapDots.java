package org.venula.treatment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.venula.assessment.Consultation.MappedArea;
import org.venula.assessment.LegMapShapes;
import org.venula.treatment.TreatmentSession.Injection;

/**
 * Every charted injection as a numbered dot on the session's leg map: at the point that was tapped, or, for one charted
 * from the area list, at its area (marked as placed by area, since nobody pointed at the spot). Struck-out injections
 * stay on the map, greyed.
 */
final class SessionMapDots {

    /** {@code tapped} is false when the dot stands at its area because no point was marked. */
    record Dot(int seq, String view, double x, double y, String form, boolean counts, boolean tapped, String title) {
    }

    private SessionMapDots() {
    }

    static List<Dot> of(List<Injection> injections, List<MappedArea> areas) {
        Map<Long, MappedArea> byId = areas.stream().collect(Collectors.toMap(MappedArea::id, Function.identity(),
                (a, b) -> a));
        Map<Long, Integer> untappedInArea = new HashMap<>();
        List<Dot> dots = new ArrayList<>();
        for (Injection i : injections) {
            String what = "Injection " + i.seq() + ", " + i.areaLabel() + (i.counts() ? "" : " (struck out)");
            if (i.x() != null && i.y() != null && i.view() != null) {
                dots.add(new Dot(i.seq(), i.view(), i.x().doubleValue(), i.y().doubleValue(), i.form(), i.counts(),
                        true, what));
                continue;
            }
            MappedArea area = byId.get(i.areaId());
            if (area == null) {
                continue; // not an area of this session's consultation: nowhere on this map to draw it
            }
            int nth = untappedInArea.merge(area.id(), 1, Integer::sum) - 1;
            LegMapShapes.Point p = LegMapShapes.placeFor(area.leg(), area.region(), area.aspect(), nth);
            dots.add(new Dot(i.seq(), p.view(), round(p.x()), round(p.y()), i.form(), i.counts(), false,
                    what + ", charted from the list and drawn at the area"));
        }
        return dots;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
