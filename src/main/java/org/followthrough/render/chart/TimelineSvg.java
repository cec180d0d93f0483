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
 * description, and the page gives the same numbers in a table. Each span carries its dates in data-
 * attributes, so tests can compare chart and table; the counts are read back from the drawing's
 * coordinates. The drawing is written lean, as it is on every plan's page twice: coordinates to a
 * tenth of a pixel without a trailing ".0", a vertex only where a line turns, the counts' marks as
 * one path per series, and what all rows share set once on their group.
 */
public final class TimelineSvg {

    /** The dimensions of one drawing: its width, the room for row labels, and the sizes of its text. */
    public enum Size {
        WIDE(760, 96, 12, 11, 22, ""),
        NARROW(340, 74, 16, 15, 28, "-narrow");

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
    /**
     * The width of the column after the as-of line where actions reported complete without a date are marked: off the
     * time axis, so that no such mark reads as a completion on the day the site was built.
     */
    private static final int UNDATED = 64;
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
        boolean undated = t.spans().stream().anyMatch(span -> span.done() && span.completedOn() == null);
        int longestRef = t.spans().stream().mapToInt(span -> span.ref().length()).max().orElse(0);
        Scale x = new Scale(t.from(), t.to(), size, undated ? RIGHT + UNDATED : RIGHT, labelColumn(longestRef, size.text, size));
        double asOf = x.at(t.asOf());
        // A plan's name, before its actions, is cut before the as-of line (see below): one too long for a line runs on to
        // a second, so that its end, which often tells two plans apart (a reference, a name), is not the part cut.
        int nameWidth = (int) asOf - 12;
        int nameSize = size.text * 7 / 6;
        List<Object> rows = new java.util.ArrayList<>();
        // under the names of several plans, where each plan's actions' rows are: its updates run across them alone
        List<PlanRows> plans = new java.util.ArrayList<>();
        String plan = null;
        int first = 0;
        for (Timeline.Span span : t.spans()) {
            if (planNames != null && !span.planId().equals(plan)) {
                if (plan != null) {
                    plans.add(new PlanRows(plan, first, rows.size()));
                }
                plan = span.planId();
                rows.addAll(nameLines(planNames.apply(plan), nameWidth, nameSize));
                first = rows.size();
            }
            rows.add(span);
        }
        if (plan != null) {
            plans.add(new PlanRows(plan, first, rows.size()));
        }
        int bottom = TOP + rows.size() * size.row;
        StringBuilder svg = open(id + size.suffix, title, description, size, bottom + AXIS);
        axis(svg, x, bottom, TOP - 8, size);
        if (planNames == null) {
            for (LocalDate update : t.updateDates()) {
                updateLine(svg, x.at(update), update, TOP - 6, bottom);
            }
        } else {
            // each plan's updates across its own actions' rows only: a line through another plan's rows would say that plan
            // was updated then
            for (PlanRows own : plans) {
                for (LocalDate update : t.updateDates(own.planId())) {
                    updateLine(svg, x.at(update), update, TOP + own.first() * size.row, TOP + own.end() * size.row);
                }
            }
        }
        svg.append(String.format(Locale.ROOT,
                "<line class=\"as-of\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>\n",
                t.asOf(), asOf, TOP - 14, asOf, bottom));
        String asOfText = "As at " + Dates.format(t.asOf());
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\">%s</text>\n",
                Math.min(size.width - 2.0, Math.max(asOf, x.label + asOfText.length() * size.small * 0.55)), TOP - 18, size.small,
                escape(asOfText)));
        double column = asOf + (size.width - asOf) / 2;
        if (undated) {
            svg.append(String.format(Locale.ROOT, "<text class=\"undated\" x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">"
                    + "<tspan x=\"%.1f\">Done,</tspan> <tspan x=\"%.1f\" dy=\"%d\">no date</tspan></text>\n",
                    column, size.small, size.small, column, column, size.small));
        }
        // the rows' labels take their size and alignment from the group, not each from its own attributes
        svg.append("<g font-size=\"").append(size.text).append("\" text-anchor=\"end\">\n");
        String labelX = Integer.toString(x.label - 6);
        int row = 0;
        for (Object item : rows) {
            int y = TOP + row * size.row;
            int mid = y + size.row / 2;
            row++;
            if (item instanceof String name) {
                // Cut before the as-of line, so that it never runs into the column after it, and drawn over a white edge of
                // its own (the chart is drawn on white in forced colours too), so that no grid line runs through its letters.
                svg.append("<text class=\"plan-name\" x=\"4\" y=\"").append(mid + 5).append("\" text-anchor=\"start\" font-weight=\"bold\"")
                        .append(" stroke=\"#fff\" stroke-width=\"5\" stroke-linejoin=\"round\" paint-order=\"stroke\">")
                        .append(escape(fit(name, nameWidth, nameSize))).append("</text>\n");
                continue;
            }
            Timeline.Span span = (Timeline.Span) item;
            svg.append("<g class=\"span\" data-ref=\"").append(escape(span.ref())).append("\" data-start=\"").append(iso(span.start()))
                    .append("\" data-deadline=\"").append(iso(span.deadline())).append("\" data-completed=\"").append(iso(span.completedOn()))
                    .append("\" data-lifecycle=\"").append(span.lifecycle().code()).append("\">");
            svg.append("<text x=\"").append(labelX).append("\" y=\"").append(mid + 4).append("\">")
                    .append(escape(fit(span.ref(), x.label - 8, size.text))).append("</text>");
            if (span.start() != null && span.deadline() != null && !span.deadline().isBefore(span.start())) {
                double x1 = x.at(span.start());
                double x2 = x.at(span.deadline());
                svg.append("<rect x=\"").append(number(x1)).append("\" y=\"").append(mid - 5).append("\" width=\"")
                        .append(number(Math.max(2, x2 - x1))).append("\" height=\"10\" fill=\"#d2e2f1\" stroke=\"#0c2d4a\"/>");
            }
            if (span.deadline() != null) {
                svg.append("<path d=\"M").append(number(x.at(span.deadline()))).append(' ').append(mid - 6)
                        .append("l5 6-5 6-5-6z\" fill=\"#0c2d4a\"/>");
            }
            if (span.done() && span.completedOn() != null) {
                double cx = x.at(span.completedOn());
                svg.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(mid).append("\" r=\"6\" fill=\"#005a30\"/>");
                tick(svg, cx - 3.5, mid, "#fff");
            } else if (span.done()) {
                // reported complete, but the plan gives no date: a hollow tick in the column after the as-of line
                svg.append("<circle cx=\"").append(number(column)).append("\" cy=\"").append(mid)
                        .append("\" r=\"5.5\" fill=\"#fff\" stroke=\"#005a30\" stroke-width=\"1.5\"/>");
                tick(svg, column - 3.5, mid, "#005a30");
            } else {
                double from = span.deadline() != null ? x.at(span.deadline()) : span.start() != null ? x.at(span.start()) : x.at(t.from());
                // overdue is told by the line's form as well as its colour: solid and heavier, where an open action not yet
                // due runs on dashed
                String colour = span.overdue() ? "#b01d12" : "#505a5f";
                String line = span.overdue() ? "\" class=\"late\" stroke-width=\"3.5\"/>" : "\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>";
                // The line runs to the as-of line, where its arrowhead's point is: on from the target or the start, or back from
                // a target still to come, the arrow pointing the way the line runs.
                int way = from > asOf ? -1 : 1;
                String end = number(asOf - 6 * way);
                svg.append("<path d=\"M").append(number(from)).append(' ').append(mid).append('H').append(end).append("\" stroke=\"")
                        .append(colour).append(line).append("<path class=\"arrowhead\" d=\"M").append(end).append(' ')
                        .append(mid - 5).append(way > 0 ? "l6 5-6 5z" : "l-6 5 6 5z").append("\" fill=\"").append(colour).append("\"/>");
            }
            svg.append("</g>\n");
        }
        svg.append("</g>\n");
        return svg.append("</svg>\n").toString();
    }

    /** The rows of one plan's actions in a chart under the names of several plans, from {@code first} to before {@code end}. */
    private record PlanRows(String planId, int first, int end) {
    }

    /** A dotted upright line at a published update, from {@code top} to {@code bottom}. */
    private static void updateLine(StringBuilder svg, double ux, LocalDate update, int top, int bottom) {
        svg.append(String.format(Locale.ROOT,
                "<line class=\"plan-update\" data-date=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#505a5f\" stroke-dasharray=\"2 3\"/>\n",
                update, ux, top, ux, bottom));
    }

    /** The open-and-completed chart: two step lines from the first date anything counts to the as-of date. */
    public static String counts(Timeline t, String id, String title, String description, Size size) {
        int plotHeight = size == Size.NARROW ? 150 : 160;
        int legend = size == Size.NARROW ? 2 * size.row : size.row;
        int top = TOP + legend - size.row;
        int height = top + plotHeight + AXIS;
        StringBuilder svg = open(id + size.suffix, title, description, size, height);
        List<Timeline.Point> points = t.points();
        int max = 1;
        for (Timeline.Point p : points) {
            max = Math.max(max, Math.max(p.open(), p.done()));
        }
        Scale x = new Scale(points.isEmpty() ? t.from() : points.get(0).date(), t.asOf(), size, RIGHT,
                labelColumn(String.valueOf(max).length(), size.small, size));
        int bottom = top + plotHeight;
        axis(svg, x, bottom, top, size);
        for (int tick : ticks(max)) {
            double y = bottom - (double) tick / max * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/><text x=\"%d\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\">%d</text>\n",
                    x.label, y, size.width - RIGHT, y, x.label - 6, y + 4, size.small, tick));
        }
        // Each series is a step line: a vertex only where its count changes, so a long run of dates on which the other
        // series moved draws one horizontal move, not one per date.
        double[] xs = new double[points.size()];
        double[] openYs = new double[points.size()];
        double[] doneYs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Timeline.Point p = points.get(i);
            xs[i] = x.at(p.date());
            openYs[i] = bottom - (double) p.open() / max * plotHeight;
            doneYs[i] = bottom - (double) p.done() / max * plotHeight;
        }
        svg.append("<path class=\"series-open\" d=\"").append(steps(xs, openYs))
                .append("\" fill=\"none\" stroke=\"#0c2d4a\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>\n");
        svg.append("<path class=\"series-done\" d=\"").append(steps(xs, doneYs)).append("\" fill=\"none\" stroke=\"#005a30\" stroke-width=\"2.5\"/>\n");
        // A mark on every date the table lists, drawn as one path per series: a zero-length line with a square cap is
        // the 7-pixel square, with a round cap the 8-pixel circle.
        svg.append("<path class=\"marks-open\" d=\"").append(marks(xs, openYs)).append("\" stroke=\"#0c2d4a\" stroke-width=\"7\" stroke-linecap=\"square\"/>\n");
        svg.append("<path class=\"marks-done\" d=\"").append(marks(xs, doneYs)).append("\" stroke=\"#005a30\" stroke-width=\"8\" stroke-linecap=\"round\"/>\n");
        // the key: beside each other on a wide screen, one under the other on a phone
        boolean narrow = size == Size.NARROW;
        int keyX = narrow ? 8 : x.label;
        int doneX = narrow ? 8 : x.label + 280;
        int doneY = narrow ? 8 + size.row : 8;
        svg.append(String.format(Locale.ROOT,
                "<g font-size=\"%d\"><rect x=\"%d\" y=\"8\" width=\"7\" height=\"7\" fill=\"#0c2d4a\"/><text x=\"%d\" y=\"16\">Not reported complete (dashed line)</text>"
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

    /**
     * The labels' column left of the plot: as wide as its longest label ({@code chars} characters at {@code fontSize}) needs,
     * at most the size's own, so that short labels (actions "1.1", counts up to 9) leave the room to the plot and its dates.
     */
    private static int labelColumn(int chars, int fontSize, Size size) {
        return Math.min(size.label, Math.max(40, (int) Math.ceil(chars * fontSize * 0.62) + 14));
    }

    /** Month or year ticks along the bottom, as many as fit without their labels touching. */
    private static void axis(StringBuilder svg, Scale x, int bottom, int top, Size size) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\"/>\n",
                x.label, bottom, size.width - x.right, bottom));
        long months = Math.max(1, ChronoUnit.MONTHS.between(x.from.withDayOfMonth(1), x.to.withDayOfMonth(1)));
        double plot = size.width - x.right - x.label - 16;
        boolean byMonth = months <= 18;
        // a label such as "Sep 2025" or "2025" is about this wide, and needs a gap of 10 pixels to the next
        double room = labelWidth(byMonth ? "Sep 2025" : "2025", size) + GAP;
        List<LocalDate> ticks = ticks(x.from, x.to, byMonth, (int) (plot / room) + 1);
        while (ticks.size() > 1 && crowded(ticks, x, byMonth, size)) {
            ticks = ticks(x.from, x.to, byMonth, ticks.size() - 1);
        }
        for (LocalDate tick : ticks) {
            double tx = x.at(tick);
            String label = tickLabel(tick, byMonth);
            double half = labelWidth(label, size) / 2;
            // centred under its tick, but kept inside the drawing, whose edge would cut it
            double textX = Math.max(half + 2, Math.min(size.width - half - 2, tx));
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b1b4b6\"/><text x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    tx, top, tx, bottom + 4, textX, bottom + 18, size.small, escape(label)));
        }
    }

    /** The least room between two axis labels, in pixels. */
    private static final int GAP = 10;

    private static String tickLabel(LocalDate tick, boolean byMonth) {
        return byMonth ? tick.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " " + tick.getYear()
                : String.valueOf(tick.getYear());
    }

    /** About how wide an axis label is drawn: generously, as the reader's font is not known. */
    private static double labelWidth(String label, Size size) {
        return label.length() * size.small * 0.62;
    }

    /** Whether two labels next to each other come closer than {@link #GAP} (months differ by up to three days, "Sept" is four letters). */
    private static boolean crowded(List<LocalDate> ticks, Scale x, boolean byMonth, Size size) {
        for (int i = 1; i < ticks.size(); i++) {
            double apart = x.at(ticks.get(i)) - x.at(ticks.get(i - 1));
            if (apart < (labelWidth(tickLabel(ticks.get(i - 1), byMonth), size) + labelWidth(tickLabel(ticks.get(i), byMonth), size)) / 2 + GAP) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first days of months from {@code from} to {@code to} to label: every month, or every 2, 3 or 6 months, or every
     * year or every few years from the first January of the span (years only, for long spans), each at a round place in
     * the year (quarters, half-years, Januaries), the closest together that puts at most {@code fit} labels in the span.
     */
    static List<LocalDate> ticks(LocalDate from, LocalDate to, boolean byMonth, int fit) {
        int step = byMonth ? 1 : 12;
        while (true) {
            List<LocalDate> ticks = new java.util.ArrayList<>();
            LocalDate tick = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            // months at round places in the year; years every few from the first January, so that the start of a long span
            // is labelled near it (a span from March 2013 labelled 2016, 2019 first left its first years unnamed)
            while ((tick.getYear() * 12L + tick.getMonthValue() - 1) % Math.min(step, 12) != 0) {
                tick = tick.plusMonths(1);
            }
            for (; !tick.isAfter(to); tick = tick.plusMonths(step)) {
                ticks.add(tick);
            }
            if (ticks.size() <= fit) {
                return ticks;
            }
            step = step < 12 ? (step == 3 ? 6 : step == 6 ? 12 : step + 1) : step + 12;
        }
    }

    private static void tick(StringBuilder svg, double x, int y, String colour) {
        svg.append("<path d=\"M").append(number(x)).append(' ').append(y).append("l2.5 2.5 4.5-5\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.8\" fill=\"none\"/>");
    }

    /** A step line through the points: across at each point's height until the next, then up or down to it. */
    static StringBuilder steps(double[] xs, double[] ys) {
        StringBuilder d = new StringBuilder();
        if (xs.length == 0) {
            return d;
        }
        d.append('M').append(number(xs[0])).append(' ').append(number(ys[0]));
        String height = number(ys[0]);
        String across = number(xs[0]);
        for (int i = 1; i < xs.length; i++) {
            String y = number(ys[i]);
            if (!y.equals(height)) {
                String x = number(xs[i]);
                if (!x.equals(across)) {
                    d.append(" H").append(x);
                    across = x;
                }
                d.append(" V").append(y);
                height = y;
            }
        }
        String end = number(xs[xs.length - 1]);
        if (!end.equals(across)) {
            d.append(" H").append(end);
        }
        return d;
    }

    /** A zero-length line at each point, which the path's line cap draws as a mark. */
    private static StringBuilder marks(double[] xs, double[] ys) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            d.append(i == 0 ? "M" : " M").append(number(xs[i])).append(' ').append(number(ys[i])).append("h0");
        }
        return d;
    }

    /** A coordinate to a tenth of a pixel, without a trailing ".0"; the same on every machine. */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
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
     * A plan's name as the lines of its heading row: itself where it fits {@code width}, else broken at a space onto two
     * lines, the second cut to fit (a name without a space to break at is cut on one line).
     */
    static List<String> nameLines(String name, int width, int fontSize) {
        int most = most(width, fontSize);
        int space = name.lastIndexOf(' ', most);
        if (name.length() <= most || space <= 0) {
            return List.of(fit(name, width, fontSize));
        }
        return List.of(name.substring(0, space), fit(name.substring(space + 1), width, fontSize));
    }

    /** How many characters of a text of {@code fontSize} fit {@code width}, at a generous estimate of their width. */
    private static int most(int width, int fontSize) {
        return Math.max(3, (int) (width / (fontSize * 0.6)));
    }

    /**
     * A label cut with "…" to about the width it may take, so that it is never clipped by the chart's edge. A bold
     * label is cut as if its text were a sixth larger, bold letters being about that much wider.
     */
    private static String fit(String text, int width, int fontSize) {
        int most = most(width, fontSize);
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
        /** What is kept to the right of the plot. */
        final int right;

        /** The width of the row labels' column, left of the plot. */
        final int label;

        Scale(LocalDate from, LocalDate to, Size size, int right, int label) {
            this.from = from;
            this.to = to.isAfter(from) ? to : from.plusDays(1);
            this.days = ChronoUnit.DAYS.between(this.from, this.to);
            this.size = size;
            this.right = right;
            this.label = label;
        }

        double at(LocalDate date) {
            double fraction = ChronoUnit.DAYS.between(from, date) / days;
            return label + 8 + Math.max(0, Math.min(1, fraction)) * (size.width - right - label - 16);
        }
    }
}
