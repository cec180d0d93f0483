package org.followthrough.render.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.followthrough.model.Timeline;
import org.followthrough.render.Dates;

/**
 * Draws a {@link Timeline} as two inline SVG charts, at build time and without script: each
 * action's span from start to target with when it was completed, and the open and completed
 * actions over time. Shapes and line styles carry the meaning as well as colour; each chart has a
 * title and description, and the page gives the same numbers in a table. Every mark carries its
 * numbers in data- attributes, so tests can compare chart and table.
 */
public final class TimelineSvg {

    private static final int WIDTH = 760;
    private static final int LABEL = 96;
    private static final int RIGHT = 16;
    private static final int ROW = 22;
    private static final int TOP = 34;
    private static final int AXIS = 34;

    private TimelineSvg() {
    }

    /** The span chart: one row per action. {@code id} makes the chart's element ids unique on the page. */
    public static String spans(Timeline t, String id, String title, String description) {
        int height = TOP + t.spans().size() * ROW + AXIS;
        StringBuilder svg = open(id, title, description, height);
        Scale x = new Scale(t.from(), t.to());
        axis(svg, x, TOP + t.spans().size() * ROW, TOP - 8);
        for (LocalDate update : t.updates()) {
            double ux = x.at(update);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"plan-update\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#505a5f\" stroke-dasharray=\"2 3\"/>\n",
                    update, ux, TOP - 6, ux, TOP + t.spans().size() * ROW));
        }
        double asOf = x.at(t.asOf());
        svg.append(String.format(Locale.ROOT,
                "<line class=\"as-of\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>\n",
                t.asOf(), asOf, TOP - 14, asOf, TOP + t.spans().size() * ROW));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">As at %s</text>\n",
                Math.max(asOf, LABEL + 90.0), TOP - 18, escape(Dates.format(t.asOf()))));
        int row = 0;
        for (Timeline.Span span : t.spans()) {
            int y = TOP + row * ROW;
            int mid = y + ROW / 2;
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"span\" data-ref=\"%s\" data-start=\"%s\" data-deadline=\"%s\" data-completed=\"%s\" data-lifecycle=\"%s\">",
                    escape(span.ref()), iso(span.start()), iso(span.deadline()), iso(span.completedOn()), span.lifecycle().code()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    LABEL - 8, mid + 4, escape(span.ref())));
            if (span.start() != null && span.deadline() != null && !span.deadline().isBefore(span.start())) {
                double x1 = x.at(span.start());
                double x2 = x.at(span.deadline());
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#d2e2f1\" stroke=\"#0c2d4a\"/>",
                        x1, mid - 5, Math.max(2, x2 - x1)));
            }
            if (span.deadline() != null) {
                double dx = x.at(span.deadline());
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l5 6 l-5 6 l-5 -6 z\" fill=\"#0c2d4a\"/>", dx, mid - 6));
            }
            if (span.done() && span.completedOn() != null) {
                double cx = x.at(span.completedOn());
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"#005a30\"/><path d=\"M%.1f %d l2.5 2.5 l4.5 -5\" stroke=\"#fff\" stroke-width=\"1.8\" fill=\"none\"/>",
                        cx, mid, cx - 3.5, mid));
            } else if (span.done()) {
                // reported complete, but the plan gives no date: a hollow tick at the as-of line
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%d\" r=\"5.5\" fill=\"#fff\" stroke=\"#005a30\" stroke-width=\"1.5\"/><path d=\"M%.1f %d l2.5 2.5 l4.5 -5\" stroke=\"#005a30\" stroke-width=\"1.8\" fill=\"none\"/>",
                        asOf - 10, mid, asOf - 13.5, mid));
            } else {
                double from = span.deadline() != null ? x.at(span.deadline()) : span.start() != null ? x.at(span.start()) : LABEL;
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><path d=\"M%.1f %d l6 -5 v10 z\" fill=\"%s\"/>",
                        from, mid, asOf - 6, mid, span.overdue() ? "#b01d12" : "#505a5f", asOf - 6, mid, span.overdue() ? "#b01d12" : "#505a5f"));
            }
            svg.append("</g>\n");
            row++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** The open-and-completed chart: two step lines over the dates on which something changed. */
    public static String counts(Timeline t, String id, String title, String description) {
        int plotHeight = 160;
        int height = TOP + plotHeight + AXIS;
        StringBuilder svg = open(id, title, description, height);
        List<Timeline.Point> points = t.points();
        Scale x = new Scale(points.isEmpty() ? t.from() : points.get(0).date(), t.asOf());
        int max = 1;
        for (Timeline.Point p : points) {
            max = Math.max(max, Math.max(p.open(), p.done()));
        }
        int bottom = TOP + plotHeight;
        axis(svg, x, bottom, TOP);
        for (int tick : ticks(max)) {
            double y = bottom - (double) tick / max * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d</text>\n",
                    LABEL, y, WIDTH - RIGHT, y, LABEL - 6, y + 4, tick));
        }
        StringBuilder open = new StringBuilder();
        StringBuilder done = new StringBuilder();
        Timeline.Point previous = null;
        for (Timeline.Point p : points) {
            double px = x.at(p.date());
            double openY = bottom - (double) p.open() / max * plotHeight;
            double doneY = bottom - (double) p.done() / max * plotHeight;
            if (previous == null) {
                open.append(String.format(Locale.ROOT, "M%.1f %.1f", px, openY));
                done.append(String.format(Locale.ROOT, "M%.1f %.1f", px, doneY));
            } else {
                open.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, openY));
                done.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, doneY));
            }
            previous = p;
        }
        svg.append("<path class=\"series-open\" d=\"").append(open).append("\" fill=\"none\" stroke=\"#0c2d4a\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>\n");
        svg.append("<path class=\"series-done\" d=\"").append(done).append("\" fill=\"none\" stroke=\"#005a30\" stroke-width=\"2.5\"/>\n");
        for (Timeline.Point p : points) {
            double px = x.at(p.date());
            double openY = bottom - (double) p.open() / max * plotHeight;
            double doneY = bottom - (double) p.done() / max * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"point\" data-date=\"%s\" data-open=\"%d\" data-done=\"%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#0c2d4a\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#005a30\"/></g>\n",
                    p.date(), p.open(), p.done(), px - 3.5, openY - 3.5, px, doneY));
        }
        int legendY = 14;
        svg.append(String.format(Locale.ROOT,
                "<g font-size=\"12\"><rect x=\"%d\" y=\"%d\" width=\"7\" height=\"7\" fill=\"#0c2d4a\"/><text x=\"%d\" y=\"%d\">Not yet complete (dashed)</text>"
                        + "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#005a30\"/><text x=\"%d\" y=\"%d\">Complete (solid)</text></g>\n",
                LABEL, legendY - 6, LABEL + 12, legendY + 1, LABEL + 214, legendY - 3, LABEL + 224, legendY + 1));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" font-family=\"system-ui, sans-serif\">\n",
                WIDTH, height, id, id));
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>\n");
        return svg;
    }

    /** Year ticks (or month ticks for short spans) along the bottom. */
    private static void axis(StringBuilder svg, Scale x, int bottom, int top) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\"/>\n", LABEL, bottom, WIDTH - RIGHT, bottom));
        long months = ChronoUnit.MONTHS.between(x.from.withDayOfMonth(1), x.to.withDayOfMonth(1));
        int step = months <= 18 ? 3 : months <= 60 ? 12 : 24;
        LocalDate tick = step == 3 ? x.from.withDayOfMonth(1) : x.from.withDayOfYear(1);
        while (!tick.isAfter(x.to)) {
            if (!tick.isBefore(x.from)) {
                double tx = x.at(tick);
                String label = step == 3 ? Dates.format(java.time.YearMonth.from(tick)) : String.valueOf(tick.getYear());
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b1b4b6\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                        tx, top, tx, bottom + 4, tx, bottom + 18, escape(label)));
            }
            tick = tick.plusMonths(step);
        }
    }

    private static List<Integer> ticks(int max) {
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        List<Integer> ticks = new java.util.ArrayList<>();
        for (int v = 0; v <= max; v += step) {
            ticks.add(v);
        }
        return ticks;
    }

    private static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Maps dates onto the plot's x axis. */
    private static final class Scale {
        final LocalDate from;
        final LocalDate to;
        final double days;

        Scale(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to.isAfter(from) ? to : from.plusDays(1);
            this.days = ChronoUnit.DAYS.between(this.from, this.to);
        }

        double at(LocalDate date) {
            double fraction = ChronoUnit.DAYS.between(from, date) / days;
            return LABEL + 8 + Math.max(0, Math.min(1, fraction)) * (WIDTH - RIGHT - LABEL - 16);
        }
    }
}
