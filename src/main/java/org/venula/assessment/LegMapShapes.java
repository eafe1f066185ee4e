package org.venula.assessment;

import java.util.ArrayList;
import java.util.List;

import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;

/**
 * The shapes of the SVG leg map: a front view (the patient's right leg on the viewer's left, as when facing them)
 * and a back view (the patient's left leg on the viewer's left). Front shapes are anterior, back shapes posterior;
 * the clinician sets medial or lateral on the area's row.
 */
public final class LegMapShapes {

    public record Shape(String view, Leg leg, Region region, Aspect aspect, int x, int y, int w, int h, String label) {

        public String key() {
            return leg + "-" + region + "-" + aspect;
        }
    }

    /** A point on one view of the map, in the SVG's coordinates. */
    public record Point(String view, double x, double y) {
    }

    private record Band(Region region, int y, int h, int inset) {
    }

    private static final List<Band> BANDS = List.of(
            new Band(Region.THIGH, 24, 136, 0),
            new Band(Region.KNEE, 164, 40, 3),
            new Band(Region.CALF, 208, 118, 4),
            new Band(Region.ANKLE, 330, 30, 10),
            new Band(Region.FOOT, 364, 34, 2));

    public static final List<Shape> ALL = build();

    private LegMapShapes() {
    }

    private static List<Shape> build() {
        List<Shape> shapes = new ArrayList<>();
        for (String view : List.of("FRONT", "BACK")) {
            Leg viewerLeft = view.equals("FRONT") ? Leg.RIGHT : Leg.LEFT;
            Leg viewerRight = viewerLeft == Leg.RIGHT ? Leg.LEFT : Leg.RIGHT;
            Aspect aspect = view.equals("FRONT") ? Aspect.ANTERIOR : Aspect.POSTERIOR;
            for (Band b : BANDS) {
                shapes.add(shape(view, viewerLeft, b, aspect, 40));
                shapes.add(shape(view, viewerRight, b, aspect, 108));
            }
        }
        return List.copyOf(shapes);
    }

    /**
     * Where to draw something charted against an area without a tapped point: in the area's shape on the front view,
     * or on the back for a posterior area; a medial or lateral area sits towards the inner or outer edge of the leg.
     * Several such marks in one area ({@code nth} = 0, 1, 2 ...) take the free spots of a 13-unit grid inside the
     * shape nearest that place, so their numbered dots do not cover each other until the shape is full.
     */
    public static Point placeFor(Leg leg, Region region, Aspect aspect, int nth) {
        String view = aspect == Aspect.POSTERIOR ? "BACK" : "FRONT";
        Shape shape = ALL.stream().filter(sh -> sh.view().equals(view) && sh.leg() == leg && sh.region() == region)
                .findFirst().orElseThrow();
        // On the front the patient's right leg is on the viewer's left, so its outer (lateral) edge is the left one.
        boolean outerIsLeft = leg == Leg.RIGHT;
        double across = aspect == Aspect.LATERAL ? (outerIsLeft ? 0.25 : 0.75)
                : aspect == Aspect.MEDIAL ? (outerIsLeft ? 0.75 : 0.25) : 0.5;
        double wantX = shape.x() + shape.w() * across;
        double wantY = shape.y() + shape.h() / 2.0;
        int columns = (shape.w() - 2 * DOT) / GRID + 1;
        int rows = (shape.h() - 2 * DOT) / GRID + 1;
        List<Point> spots = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                spots.add(new Point(view, shape.x() + shape.w() / 2.0 + (c - (columns - 1) / 2.0) * GRID,
                        wantY + (r - (rows - 1) / 2.0) * GRID));
            }
        }
        spots.sort(java.util.Comparator.comparingDouble((Point p) -> Math.hypot(p.x() - wantX, p.y() - wantY))
                .thenComparingDouble(Point::y).thenComparingDouble(Point::x));
        return spots.get(Math.floorMod(nth, spots.size()));
    }

    private static final int GRID = 13;
    private static final int DOT = 7;

    private static Shape shape(String view, Leg leg, Band b, Aspect aspect, int x) {
        String label = (leg == Leg.LEFT ? "Left " : "Right ") + b.region().name().toLowerCase() + ", "
                + (aspect == Aspect.ANTERIOR ? "front" : "back");
        return new Shape(view, leg, b.region(), aspect, x + b.inset(), b.y(), 52 - 2 * b.inset(), b.h(), label);
    }
}
