package org.venula.followup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.venula.followup.OutcomeAudit;

/**
 * Draws a funnel plot as SVG: complication rate (y) against sessions (x), the clinic's rate as a line, 95% and 99.8%
 * control limits as curves, one dot per practitioner (hollow inside the 95% limits, filled outside) labelled with their
 * name, each with a title for hover and the figures in the description for screen readers. Text is escaped.
 */
public final class FunnelSvg {

    private static final int W = 520;
    private static final int H = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 42;

    private FunnelSvg() {
    }

    public static String render(OutcomeAudit.Funnel f, String title) {
        long busiest = f.points().stream().mapToLong(OutcomeAudit.Point::sessions).max().orElse(0);
        long top = Math.max(10, Math.round(busiest * 1.15));
        long smallest = f.points().stream().mapToLong(OutcomeAudit.Point::sessions).filter(n -> n > 0).min().orElse(top);
        double maxRate = f.points().stream().mapToDouble(OutcomeAudit.Point::rate).max().orElse(0);
        double limitAtSmallest = f.limits().stream().filter(l -> l.sessions() >= smallest).findFirst()
                .map(OutcomeAudit.Limit::high998).orElse(f.target());
        double wanted = Math.min(1, Math.max(0.02, Math.max(maxRate * 1.25, Math.max(limitAtSmallest * 1.1,
                f.target() * 2))));
        double yStep = nice(wanted / 4, new double[] {0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25});
        double ymax = Math.min(1, yStep * 4);
        long xStep = (long) nice(top / 4.0, new double[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000,
            2500, 5000, 10000});
        top = xStep * 4;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\" aria-describedby=\"funnel-desc-%s\" class=\"funnel\">", W, H,
                esc(title), esc(f.type())));
        s.append("<title>").append(esc(title)).append("</title>");
        s.append("<desc id=\"funnel-desc-").append(esc(f.type())).append("\">").append(esc(description(f)))
                .append("</desc>");
        s.append("<style>.axis{stroke:#5b6b75}.grid{stroke:#e5ecef}.tick,.label{font:11px sans-serif;fill:#5b6b75}"
                + ".target{stroke:#0f5e63;stroke-width:2}.limit95{stroke:#d69a00;stroke-dasharray:5 3;stroke-width:1.5}"
                + ".limit998{stroke:#a4262c;stroke-dasharray:2 3;stroke-width:1.5}"
                + ".point{fill:#fff;stroke:#1d2a33;stroke-width:2}.point.outside{fill:#a4262c;stroke:#a4262c}"
                + ".name{font:11px sans-serif;fill:#1d2a33}.leader{stroke:#8a99a1;stroke-width:1}</style>");
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>", W, H));
        s.append("<defs><clipPath id=\"plot-").append(esc(f.type())).append(String.format(Locale.ROOT,
                "\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath></defs>", LEFT, TOP,
                W - LEFT - RIGHT, H - TOP - BOTTOM));
        // axes and ticks
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, TOP, LEFT, H - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double rate = ymax * i / 4;
            double y = y(rate, ymax);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT, y, W - RIGHT, y, LEFT - 6, y + 4, percent(rate)));
            long n = top * i / 4;
            double x = x(n, top);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%d</text>",
                    x, H - BOTTOM + 16, n));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"middle\">Sessions</text>",
                (LEFT + W - RIGHT) / 2, H - 6));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" class=\"label\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %d)\">Rate</text>", (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2));
        s.append("<g clip-path=\"url(#plot-").append(esc(f.type())).append(")\">");
        s.append(polyline(f, top, ymax, true, true, "limit998")).append(polyline(f, top, ymax, false, true, "limit998"));
        s.append(polyline(f, top, ymax, true, false, "limit95")).append(polyline(f, top, ymax, false, false, "limit95"));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"target\"/>",
                LEFT, y(f.target(), ymax), W - RIGHT, y(f.target(), ymax)));
        s.append("</g>");
        s.append(points(f, top, ymax));
        s.append("</svg>");
        return s.toString();
    }

    /** One dot per practitioner with their name beside it, moved apart where names would overlap. */
    private static String points(OutcomeAudit.Funnel f, long top, double ymax) {
        List<OutcomeAudit.Point> sorted = new ArrayList<>(f.points());
        sorted.sort(Comparator.comparingDouble((OutcomeAudit.Point p) -> y(Math.min(p.rate(), ymax), ymax))
                .thenComparing(OutcomeAudit.Point::name));
        List<double[]> dots = new ArrayList<>();
        for (OutcomeAudit.Point p : sorted) {
            dots.add(new double[] {x(p.sessions(), top), y(Math.min(p.rate(), ymax), ymax)});
        }
        List<Label> placed = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            OutcomeAudit.Point p = sorted.get(i);
            double cx = dots.get(i)[0];
            double cy = dots.get(i)[1];
            Label label = place(shortName(p.name()), cx, cy, placed, dots);
            placed.add(label);
            String hover = "<title>" + esc(String.format(Locale.ROOT, "%s: %d of %d sessions (%s)%s", p.name(),
                    p.events(), p.sessions(), percent(p.rate()), p.outside998() ? ", outside the 99.8% limits"
                            : p.outside95() ? ", outside the 95% limits" : "")) + "</title>";
            s.append("<g class=\"practitioner\">");
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" class=\"point%s\">", cx,
                    cy, p.outside95() ? " outside" : "")).append(hover).append("</circle>");
            double anchorX = label.end() ? label.x() + 2 : label.x() - 2;
            if (Math.abs(label.baseline() - 4 - cy) > 7) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "class=\"leader\" stroke=\"#8a99a1\"/>", cx, cy, anchorX, label.baseline() - 4));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"name\" text-anchor=\"%s\" "
                    + "font-size=\"11\" fill=\"#1d2a33\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
                    + "paint-order=\"stroke\">%s%s</text>", label.x(), label.baseline(), label.end() ? "end" : "start",
                    hover, esc(label.text())));
            s.append("</g>");
        }
        return s.toString();
    }

    /** A name's box: {@code x} is where the text is anchored, at its start or (when {@code end}) its end. */
    record Label(String text, double x, double baseline, boolean end) {

        double left() {
            return end ? x - width(text) : x;
        }

        double right() {
            return end ? x : x + width(text);
        }

        boolean overlaps(Label o) {
            return left() < o.right() + 2 && o.left() < right() + 2 && Math.abs(baseline - o.baseline) < LINE;
        }

        boolean covers(double cx, double cy) {
            return cx + 7 > left() && cx - 7 < right() && cy + 7 > baseline - 10 && cy - 7 < baseline + 3;
        }
    }

    private static final double LINE = 13;

    /** An estimate of 11px sans-serif text width, generous so that real fonts fit. */
    static double width(String text) {
        return text.length() * 6.3;
    }

    /**
     * The first spot, nearest the dot, where the name overlaps no name already placed and no other dot and stays
     * inside the plot: beside the dot on the right, else on the left, then a line higher or lower at a time.
     */
    private static Label place(String text, double cx, double cy, List<Label> placed, List<double[]> dots) {
        Label fallback = null;
        for (int step = 0; step < 24; step++) {
            double dy = (step + 1) / 2 * LINE * (step % 2 == 0 ? 1 : -1);
            for (boolean end : new boolean[] {false, true}) {
                Label l = new Label(text, end ? cx - 9 : cx + 9, cy + 4 + dy, end);
                if (l.left() < LEFT + 2 || l.right() > W - RIGHT - 2 || l.baseline() - 10 < TOP
                        || l.baseline() > H - BOTTOM - 2) {
                    continue;
                }
                fallback = fallback == null ? l : fallback;
                boolean free = placed.stream().noneMatch(l::overlaps)
                        && dots.stream().noneMatch(d -> !(d[0] == cx && d[1] == cy) && l.covers(d[0], d[1]));
                if (free) {
                    return l;
                }
            }
        }
        return fallback != null ? fallback : new Label(text, cx + 9, cy + 4, false);
    }

    /** Long names are cut with an ellipsis on the plot; the dot's title carries the whole name. */
    private static String shortName(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23).trim() + "\u2026";
    }

    private static String description(OutcomeAudit.Funnel f) {
        StringBuilder d = new StringBuilder("Clinic rate ").append(percent(f.target())).append(". ");
        for (OutcomeAudit.Point p : f.points()) {
            d.append(String.format(Locale.ROOT, "%s: %d of %d sessions (%s)%s. ", p.name(), p.events(), p.sessions(),
                    percent(p.rate()), p.outside998() ? ", outside the 99.8% limits"
                            : p.outside95() ? ", outside the 95% limits" : ", inside the limits"));
        }
        return d.toString().trim();
    }

    /** The smallest of the steps at least {@code raw}. */
    private static double nice(double raw, double[] steps) {
        for (double step : steps) {
            if (step >= raw) {
                return step;
            }
        }
        return steps[steps.length - 1] * Math.ceil(raw / steps[steps.length - 1]);
    }

    private static String polyline(OutcomeAudit.Funnel f, long top, double ymax, boolean upper, boolean wide,
            String css) {
        StringBuilder points = new StringBuilder();
        for (OutcomeAudit.Limit l : f.limits()) {
            double v = upper ? (wide ? l.high998() : l.high95()) : (wide ? l.low998() : l.low95());
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(l.sessions(), top), y(Math.min(v, ymax * 1.5),
                    ymax)));
        }
        return "<polyline class=\"" + css + "\" fill=\"none\" points=\"" + points.toString().trim() + "\"/>";
    }

    private static double x(long n, long top) {
        return LEFT + (double) n / top * (W - LEFT - RIGHT);
    }

    private static double y(double rate, double ymax) {
        return H - BOTTOM - rate / ymax * (H - TOP - BOTTOM);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, rate < 0.1 ? "%.1f%%" : "%.0f%%", rate * 100);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
