package org.venula.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.venula.followup.OutcomeAudit;
import org.venula.followup.OutcomeAudit.Point;

class FunnelSvgTest {

    private static final Pattern NAME = Pattern.compile(
            "<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" class=\"name\" text-anchor=\"(start|end)\"[^>]*><title>[^<]*</title>([^<]*)</text>");

    private static OutcomeAudit.Funnel matting(List<Point> points) {
        List<OutcomeAudit.Limit> limits = new ArrayList<>();
        for (long n = 10; n <= 400; n += 10) {
            double sd = Math.sqrt(0.05 * 0.95 / n);
            limits.add(new OutcomeAudit.Limit(n, Math.max(0, 0.05 - 1.96 * sd), 0.05 + 1.96 * sd,
                    Math.max(0, 0.05 - 3.09 * sd), 0.05 + 3.09 * sd));
        }
        return new OutcomeAudit.Funnel("MATTING", 0.05, points, limits);
    }

    private static Point point(long id, String name, long sessions, long events) {
        return new Point(id, name, sessions, events, (double) events / sessions, false, false);
    }

    private static List<FunnelSvg.Label> labels(String svg) {
        List<FunnelSvg.Label> out = new ArrayList<>();
        Matcher m = NAME.matcher(svg);
        while (m.find()) {
            out.add(new FunnelSvg.Label(m.group(4), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    m.group(3).equals("end")));
        }
        return out;
    }

    @Test
    void everyPractitionersDotCarriesTheirNameAndATitleForHover() {
        String svg = FunnelSvg.render(matting(List.of(point(1, "Dr Tom Reid", 120, 14), point(2, "Dr Amara Okafor",
                130, 6), point(3, "Megan Hughes RN", 110, 5))), "Matting by practitioner");
        assertThat(labels(svg)).extracting(FunnelSvg.Label::text)
                .containsExactlyInAnyOrder("Dr Tom Reid", "Dr Amara Okafor", "Megan Hughes RN");
        assertThat(svg).contains("class=\"point\"><title>Dr Tom Reid: 14 of 120 sessions (12%)")
                .contains("<title>Megan Hughes RN: 5 of 110 sessions (4.5%)</title>");
    }

    @Test
    void practitionersWithTheSameFiguresGetNamesThatDoNotOverlap() {
        String svg = FunnelSvg.render(matting(List.of(point(1, "Dr Amara Okafor", 100, 5),
                point(2, "Dr Tom Reid", 100, 5), point(3, "Megan Hughes RN", 100, 5), point(4, "Dr Ana Silva", 104, 5))),
                "Matting");
        List<FunnelSvg.Label> labels = labels(svg);
        assertThat(labels).hasSize(4);
        for (FunnelSvg.Label a : labels) {
            for (FunnelSvg.Label b : labels) {
                if (a != b) {
                    assertThat(a.overlaps(b)).as(a + " and " + b).isFalse();
                }
            }
        }
    }

    @Test
    void aNameNearTheRightEdgeIsWrittenToTheLeftOfItsDot() {
        String svg = FunnelSvg.render(matting(List.of(point(1, "Dr Amara Okafor", 173, 9),
                point(2, "Dr Tom Reid", 40, 2))), "Matting");
        List<FunnelSvg.Label> labels = labels(svg);
        assertThat(labels).allMatch(l -> l.left() >= 56 && l.right() <= 520 - 16);
        assertThat(labels).filteredOn(l -> l.text().equals("Dr Amara Okafor")).singleElement()
                .matches(FunnelSvg.Label::end);
    }

    @Test
    void theSvgIsAnImageWithItsTitleAndTheFiguresForScreenReaders() {
        String svg = FunnelSvg.render(matting(List.of(point(1, "Dr <b>Reid</b>", 120, 14))), "Matting by practitioner");
        assertThat(svg).contains("role=\"img\"").contains("aria-label=\"Matting by practitioner\"")
                .contains("aria-describedby=\"funnel-desc-MATTING\"")
                .contains("<desc id=\"funnel-desc-MATTING\">Clinic rate 5.0%. Dr &lt;b&gt;Reid&lt;/b&gt;: 14 of 120")
                .doesNotContain("<b>");
    }
}
