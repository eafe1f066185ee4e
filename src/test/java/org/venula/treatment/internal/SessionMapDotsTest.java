package org.venula.treatment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.venula.assessment.Consultation.MappedArea;
import org.venula.assessment.LegMapShapes;
import org.venula.assessment.LegMapShapes.Shape;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.protocol.VeinType;
import org.venula.treatment.TreatmentSession.Injection;

/** Claire Whitfield's mapped areas: left calf lateral, right thigh lateral, right knee medial. */
class SessionMapDotsTest {

    private static final MappedArea LEFT_CALF_LATERAL = new MappedArea(11, Leg.LEFT, Region.CALF, Aspect.LATERAL,
            VeinType.TELANGIECTASIA, AreaSize.SMALL, null);
    private static final MappedArea RIGHT_THIGH_LATERAL = new MappedArea(12, Leg.RIGHT, Region.THIGH, Aspect.LATERAL,
            VeinType.RETICULAR, AreaSize.MEDIUM, null);
    private static final MappedArea RIGHT_KNEE_POSTERIOR = new MappedArea(13, Leg.RIGHT, Region.KNEE,
            Aspect.POSTERIOR, VeinType.TELANGIECTASIA, AreaSize.SMALL, null);
    private static final List<MappedArea> AREAS = List.of(LEFT_CALF_LATERAL, RIGHT_THIGH_LATERAL,
            RIGHT_KNEE_POSTERIOR);

    private static Injection tapped(int seq, long area, double x, double y, String view) {
        return injection(seq, area, BigDecimal.valueOf(x), BigDecimal.valueOf(y), view, null);
    }

    private static Injection fromTheList(int seq, long area) {
        return injection(seq, area, null, null, null, null);
    }

    private static Injection injection(int seq, long area, BigDecimal x, BigDecimal y, String view,
            OffsetDateTime voided) {
        return new Injection(seq, seq, area, "area " + area, x, y, view, "POLIDOCANOL", 1, "AX05-2611",
                new BigDecimal("0.5"), "LIQUID", null, null, null, new BigDecimal("0.5"), 30, "TELANGIECTASIA", false,
                null, null, voided, voided == null ? null : "dr.okafor", voided == null ? null : "Wrong area",
                OffsetDateTime.now(), "dr.okafor");
    }

    private static Shape shape(String view, Leg leg, Region region) {
        return LegMapShapes.ALL.stream().filter(s -> s.view().equals(view) && s.leg() == leg && s.region() == region)
                .findFirst().orElseThrow();
    }

    private static boolean inside(SessionMapDots.Dot d, Shape s) {
        return d.view().equals(s.view()) && d.x() >= s.x() && d.x() <= s.x() + s.w() && d.y() >= s.y()
                && d.y() <= s.y() + s.h();
    }

    @Test
    void aTappedInjectionIsDrawnWhereItWasTapped() {
        List<SessionMapDots.Dot> dots = SessionMapDots.of(List.of(tapped(1, 11, 130, 260, "FRONT")), AREAS);
        assertThat(dots).singleElement().satisfies(d -> {
            assertThat(d.view()).isEqualTo("FRONT");
            assertThat(d.x()).isEqualTo(130);
            assertThat(d.y()).isEqualTo(260);
            assertThat(d.tapped()).isTrue();
        });
    }

    @Test
    void everyInjectionChartedFromTheListIsDrawnInsideItsAreaAndApartFromTheOthers() {
        List<SessionMapDots.Dot> dots = SessionMapDots.of(List.of(fromTheList(1, 11), fromTheList(2, 11),
                fromTheList(3, 11), fromTheList(4, 12), fromTheList(5, 13), tapped(6, 11, 130, 260, "FRONT")), AREAS);
        assertThat(dots).extracting(SessionMapDots.Dot::seq).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(dots.subList(0, 3)).allMatch(d -> inside(d, shape("FRONT", Leg.LEFT, Region.CALF)))
                .noneMatch(SessionMapDots.Dot::tapped)
                .allMatch(d -> d.title().endsWith("charted from the list and drawn at the area"));
        assertThat(inside(dots.get(3), shape("FRONT", Leg.RIGHT, Region.THIGH))).isTrue();
        assertThat(inside(dots.get(4), shape("BACK", Leg.RIGHT, Region.KNEE))).as("a posterior area is on the back")
                .isTrue();
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                assertThat(Math.hypot(dots.get(i).x() - dots.get(j).x(), dots.get(i).y() - dots.get(j).y()))
                        .isGreaterThanOrEqualTo(12);
            }
        }
    }

    @Test
    void aLateralAreaIsDrawnTowardsTheOuterEdgeOfTheLeg() {
        // On the front the patient's left leg is on the viewer's right: its outer edge is the right-hand one.
        Shape calf = shape("FRONT", Leg.LEFT, Region.CALF);
        assertThat(LegMapShapes.placeFor(Leg.LEFT, Region.CALF, Aspect.LATERAL, 0).x())
                .isGreaterThan(calf.x() + calf.w() / 2.0);
        Shape thigh = shape("FRONT", Leg.RIGHT, Region.THIGH);
        assertThat(LegMapShapes.placeFor(Leg.RIGHT, Region.THIGH, Aspect.LATERAL, 0).x())
                .isLessThan(thigh.x() + thigh.w() / 2.0);
        assertThat(LegMapShapes.placeFor(Leg.RIGHT, Region.THIGH, Aspect.MEDIAL, 0).x())
                .isGreaterThan(thigh.x() + thigh.w() / 2.0);
    }

    @Test
    void aStruckOutInjectionStaysOnTheMapGreyed() {
        Injection voided = injection(1, 12, null, null, null, OffsetDateTime.now());
        assertThat(SessionMapDots.of(List.of(voided), AREAS)).singleElement()
                .satisfies(d -> assertThat(d.counts()).isFalse())
                .satisfies(d -> assertThat(d.title()).contains("struck out"));
    }

    @Test
    void manyInjectionsInASmallAreaStayInsideIt() {
        Shape ankle = shape("FRONT", Leg.LEFT, Region.ANKLE);
        for (int nth = 0; nth < 12; nth++) {
            LegMapShapes.Point p = LegMapShapes.placeFor(Leg.LEFT, Region.ANKLE, Aspect.ANTERIOR, nth);
            assertThat(p.x()).isBetween((double) ankle.x(), (double) ankle.x() + ankle.w());
            assertThat(p.y()).isBetween((double) ankle.y(), (double) ankle.y() + ankle.h());
        }
    }
}
