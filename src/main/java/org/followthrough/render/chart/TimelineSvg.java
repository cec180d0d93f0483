package org.followthrough.render.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.followthrough.model.Timeline;
import org.followthrough.render.Dates;

/**
 * Draws a {@link Timeline} as inline SVG charts, at build time and without script: each action's
 * span from start to target with when it was completed, and the open and completed actions over
 * time. Each chart is drawn in two sizes ({@link Size#WIDE} for wide screens, {@link Size#NARROW}
 * for phones, where the wide one's labels would be too small to read), of which the page shows one.
 * Shapes and line styles carry the meaning as well as colour; each chart has a title and
 * description, and the page gives the same numbers in a table. Every mark carries its numbers in
 * data- attributes, so tests can compare chart and table.
 */
public final class TimelineSvg {

    /** The dimensions of one drawing: its width, the room for row labels, and the sizes of its text. */
    public enum Size {
        WIDE(760, 96, 12, 11, 22, ""),
        NARROW(340, 62, 14, 13, 26, "-narrow");

        final int width;
        final int label;
        final int text;
        final int small;
        final int row;
        /** Added to element ids, so that both drawings can sit on one page. */
        final String suffix;

        Size(int width, int label, int text, int small, int row, String suffix) {
            this.width = width;
            this.label = label;
            this.text = text;
            this.small = small;
            this.row = row;
            this.suffix = suffix;
        }
    }

    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int AXIS = 34;

    private TimelineSvg() {
    }

    /**
     * The span chart: one row per action. {@code id} makes the chart's element ids unique on the page;
     * {@code planNames} names each span's plan by its id where the chart covers several plans (a heading
     * row goes before each plan's actions), or is null.
     */
    public static String spans(Timeline t, String id, String title, String description, Size size, Function<String, String> planNames) {
        List<Object> rows = new java.util.ArrayList<>();
        String plan = null;
        for (Timeline.Span span : t.spans()) {
            if (planNames != null && !span.planId().equals(plan)) {
                plan = span.planId();
                rows.add(planNames.apply(plan));
            }
            rows.add(span);
        }
        int bottom = TOP + rows.size() * size.row;
        StringBuilder svg = open(id + size.suffix, title, description, size, bottom + AXIS);
        Scale x = new Scale(t.from(), t.to(), size);
        axis(svg, x, bottom, TOP - 8, size);
        for (LocalDate update : t.updates()) {
            double ux = x.at(update);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"plan-update\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#505a5f\" stroke-dasharray=\"2 3\"/>\n",
                    update, ux, TOP - 6, ux, bottom));
        }
        double asOf = x.at(t.asOf());
        svg.append(String.format(Locale.ROOT,
                "<line class=\"as-of\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>\n",
                t.asOf(), asOf, TOP - 14, asOf, bottom));
        String asOfText = "As at " + Dates.format(t.asOf());
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\">%s</text>\n",
                Math.min(size.width - 2.0, Math.max(asOf, size.label + asOfText.length() * size.small * 0.55)), TOP - 18, size.small,
                escape(asOfText)));
        int row = 0;
        for (Object item : rows) {
            int y = TOP + row * size.row;
            int mid = y + size.row / 2;
            row++;
            if (item instanceof String name) {
                svg.append(String.format(Locale.ROOT, "<text class=\"plan-name\" x=\"4\" y=\"%d\" font-size=\"%d\" font-weight=\"bold\">%s</text>\n",
                        mid + 5, size.text, escape(fit(name, size.width - 8, size.text * 7 / 6))));
                continue;
            }
            Timeline.Span span = (Timeline.Span) item;
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"span\" data-ref=\"%s\" data-start=\"%s\" data-deadline=\"%s\" data-completed=\"%s\" data-lifecycle=\"%s\">",
                    escape(span.ref()), iso(span.start()), iso(span.deadline()), iso(span.completedOn()), span.lifecycle().code()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\">%s</text>",
                    size.label - 6, mid + 4, size.text, escape(fit(span.ref(), size.label - 8, size.text))));
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
                double from = span.deadline() != null ? x.at(span.deadline()) : span.start() != null ? x.at(span.start()) : x.at(t.from());
                String colour = span.overdue() ? "#b01d12" : "#505a5f";
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><path d=\"M%.1f %d l6 -5 v10 z\" fill=\"%s\"/>",
                        from, mid, asOf - 6, mid, colour, asOf - 6, mid, colour));
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** The open-and-completed chart: two step lines from the first date anything counts to the as-of date. */
    public static String counts(Timeline t, String id, String title, String description, Size size) {
        int plotHeight = size == Size.NARROW ? 150 : 160;
        int legend = size == Size.NARROW ? 2 * size.row : size.row;
        int top = TOP + legend - size.row;
        int height = top + plotHeight + AXIS;
        StringBuilder svg = open(id + size.suffix, title, description, size, height);
        List<Timeline.Point> points = t.points();
        Scale x = new Scale(points.isEmpty() ? t.from() : points.get(0).date(), t.asOf(), size);
        int max = 1;
        for (Timeline.Point p : points) {
            max = Math.max(max, Math.max(p.open(), p.done()));
        }
        int bottom = top + plotHeight;
        axis(svg, x, bottom, top, size);
        for (int tick : ticks(max)) {
            double y = bottom - (double) tick / max * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/><text x=\"%d\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\">%d</text>\n",
                    size.label, y, size.width - RIGHT, y, size.label - 6, y + 4, size.small, tick));
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
        // the key: beside each other on a wide screen, one under the other on a phone
        boolean narrow = size == Size.NARROW;
        int keyX = narrow ? 8 : size.label;
        int doneX = narrow ? 8 : size.label + 250;
        int doneY = narrow ? 8 + size.row : 8;
        svg.append(String.format(Locale.ROOT,
                "<g font-size=\"%d\"><rect x=\"%d\" y=\"8\" width=\"7\" height=\"7\" fill=\"#0c2d4a\"/><text x=\"%d\" y=\"16\">Not yet complete (dashed line)</text>"
                        + "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#005a30\"/><text x=\"%d\" y=\"%d\">Complete (solid line)</text></g>\n",
                size.text, keyX, keyX + 12, doneX + 3, doneY + 4, doneX + 12, doneY + 8));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title, String description, Size size, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" font-family=\"system-ui, sans-serif\">\n",
                id, size.width, height, id, id));
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>\n");
        return svg;
    }

    /** Month or year ticks along the bottom, as many as fit without their labels touching. */
    private static void axis(StringBuilder svg, Scale x, int bottom, int top, Size size) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\"/>\n",
                size.label, bottom, size.width - RIGHT, bottom));
        long months = Math.max(1, ChronoUnit.MONTHS.between(x.from.withDayOfMonth(1), x.to.withDayOfMonth(1)));
        double plot = size.width - RIGHT - size.label - 16;
        boolean byMonth = months <= 18;
        // a label such as "Sep 2025" or "2025" needs about this many pixels, with a gap
        double room = (byMonth ? 9 : 5) * size.small * 0.62 + 12;
        int fit = Math.max(1, (int) (plot / room));
        int step = byMonth ? 3 : 12;
        while (months / step + 1 > fit) {
            step = byMonth && step < 12 ? step * 2 : step + 12;
        }
        LocalDate tick = byMonth ? x.from.withDayOfMonth(1) : x.from.withDayOfYear(1);
        while (!tick.isAfter(x.to)) {
            if (!tick.isBefore(x.from)) {
                double tx = x.at(tick);
                String label = byMonth ? tick.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " " + tick.getYear()
                        : String.valueOf(tick.getYear());
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b1b4b6\"/><text x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">%s</text>\n",
                        tx, top, tx, bottom + 4, tx, bottom + 18, size.small, escape(label)));
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

    /**
     * A label cut with "…" to about the width it may take, so that it is never clipped by the chart's edge. A bold
     * label is cut as if its text were a sixth larger, bold letters being about that much wider.
     */
    private static String fit(String text, int width, int fontSize) {
        int most = Math.max(3, (int) (width / (fontSize * 0.6)));
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
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
        final Size size;

        Scale(LocalDate from, LocalDate to, Size size) {
            this.from = from;
            this.to = to.isAfter(from) ? to : from.plusDays(1);
            this.days = ChronoUnit.DAYS.between(this.from, this.to);
            this.size = size;
        }

        double at(LocalDate date) {
            double fraction = ChronoUnit.DAYS.between(from, date) / days;
            return size.label + 8 + Math.max(0, Math.min(1, fraction)) * (size.width - RIGHT - size.label - 16);
        }
    }
}
