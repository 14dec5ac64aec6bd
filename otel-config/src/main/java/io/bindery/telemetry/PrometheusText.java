package io.bindery.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SumData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders collected metrics in the Prometheus text exposition format (version 0.0.4).
 *
 * <p>Names follow the OpenTelemetry-to-Prometheus convention: dots become underscores, the unit
 * becomes a suffix ({@code ms} is converted to {@code _seconds} with values divided by 1,000,
 * {@code s} to {@code _seconds}, {@code By} to {@code _bytes}, annotations in braces are
 * dropped), monotonic sums end in {@code _total}, non-monotonic sums are gauges, and explicit
 * histograms give cumulative {@code _bucket}, {@code _sum} and {@code _count} lines. Exponential
 * histograms and summaries are not rendered. Stateless and thread-safe.
 */
final class PrometheusText {

    /** The content type to serve this text with. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String write(Collection<MetricData> metrics) {
        var families = new TreeMap<String, List<MetricData>>();
        for (var metric : metrics) {
            if (type(metric) != null) {
                families.computeIfAbsent(name(metric), n -> new ArrayList<>()).add(metric);
            }
        }
        var out = new StringBuilder(4096);
        families.forEach((name, members) -> family(out, name, members));
        return out.toString();
    }

    private static void family(StringBuilder out, String name, List<MetricData> members) {
        var first = members.get(0);
        if (!first.getDescription().isEmpty()) {
            out.append("# HELP ").append(name).append(' ')
                    .append(escapeHelp(first.getDescription())).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type(first)).append('\n');
        for (var metric : members) {
            double scale = "ms".equals(metric.getUnit()) ? 1_000.0 : 1.0;
            for (var point : metric.getData().getPoints()) {
                sample(out, name, metric.getType(), point, scale);
            }
        }
    }

    private static void sample(StringBuilder out, String name, MetricDataType type,
            PointData point, double scale) {
        switch (type) {
            case LONG_SUM, LONG_GAUGE -> line(out, name, point.getAttributes(), null,
                    number(((LongPointData) point).getValue() / scale));
            case DOUBLE_SUM, DOUBLE_GAUGE -> line(out, name, point.getAttributes(), null,
                    number(((DoublePointData) point).getValue() / scale));
            case HISTOGRAM -> histogram(out, name, (HistogramPointData) point, scale);
            default -> { }
        }
    }

    private static void histogram(StringBuilder out, String name, HistogramPointData point,
            double scale) {
        var bounds = point.getBoundaries();
        var counts = point.getCounts();
        long cumulative = 0;
        for (int i = 0; i < counts.size(); i++) {
            cumulative += counts.get(i);
            var le = i < bounds.size() ? number(bounds.get(i) / scale) : "+Inf";
            line(out, name + "_bucket", point.getAttributes(), le, Long.toString(cumulative));
        }
        line(out, name + "_sum", point.getAttributes(), null, number(point.getSum() / scale));
        line(out, name + "_count", point.getAttributes(), null,
                Long.toString(point.getCount()));
    }

    private static void line(StringBuilder out, String name, Attributes attributes, String le,
            String value) {
        out.append(name);
        var labels = new TreeMap<String, String>();
        attributes.forEach((key, v) -> labels.put(labelName(key.getKey()), String.valueOf(v)));
        if (le != null) {
            labels.put("le", le);
        }
        if (!labels.isEmpty()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                out.append(separator).append(label.getKey()).append("=\"")
                        .append(escapeLabel(label.getValue())).append('"');
                separator = ",";
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    static String type(MetricData metric) {
        return switch (metric.getType()) {
            case LONG_SUM -> monotonic(metric.getLongSumData()) ? "counter" : "gauge";
            case DOUBLE_SUM -> monotonic(metric.getDoubleSumData()) ? "counter" : "gauge";
            case LONG_GAUGE, DOUBLE_GAUGE -> "gauge";
            case HISTOGRAM -> "histogram";
            default -> null;
        };
    }

    private static boolean monotonic(SumData<?> data) {
        return data.isMonotonic();
    }

    static String name(MetricData metric) {
        var name = sanitize(metric.getName());
        var suffix = unitSuffix(metric.getUnit());
        if (!suffix.isEmpty() && !name.endsWith(suffix)) {
            name += suffix;
        }
        if ("counter".equals(type(metric)) && !name.endsWith("_total")) {
            name += "_total";
        }
        return name;
    }

    private static String unitSuffix(String unit) {
        if (unit == null || unit.isEmpty() || unit.startsWith("{") || "1".equals(unit)) {
            return "";
        }
        return switch (unit) {
            case "ms", "s" -> "_seconds";
            case "By" -> "_bytes";
            default -> "_" + sanitize(unit.replace("{", "").replace("}", ""));
        };
    }

    static String sanitize(String name) {
        var out = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && i > 0);
            out.append(ok ? c : '_');
        }
        return out.toString().replaceAll("__+", "_");
    }

    private static String labelName(String key) {
        var name = sanitize(key).replace(':', '_');
        return name.isEmpty() ? "_" : name;
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
