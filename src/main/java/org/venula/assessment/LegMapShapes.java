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

    private static Shape shape(String view, Leg leg, Band b, Aspect aspect, int x) {
        String label = (leg == Leg.LEFT ? "Left " : "Right ") + b.region().name().toLowerCase() + ", "
                + (aspect == Aspect.ANTERIOR ? "front" : "back");
        return new Shape(view, leg, b.region(), aspect, x + b.inset(), b.y(), 52 - 2 * b.inset(), b.h(), label);
    }
}
