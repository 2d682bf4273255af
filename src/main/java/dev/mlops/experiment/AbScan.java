package dev.mlops.experiment;

import dev.mlops.analysis.Accumulator;
import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.Field;
import dev.mlops.logs.InputException;
import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One streaming pass of an A/B test's logs: every request rolled up to its unit. Requests without
 * a unit or an arm are counted and left out. A pre-period scan has no arms.
 */
public final class AbScan implements Serializable, Accumulator<AbScan, AbScan> {
    private static final long serialVersionUID = 1L;
    /** The most arms a test can have: a unit's arms are a 64-bit mask. */
    public static final int MAX_ARMS = 64;

    private final AbSettings settings;
    private final boolean withArms;
    private final List<String> arms = new ArrayList<>();
    private final Map<String, Integer> armIndex = new HashMap<>();
    private final List<String> segments = new ArrayList<>();
    private final Map<String, Integer> segmentIndex = new HashMap<>();
    private final UnitTable units;
    private long records;
    private long withoutUnit;
    private long withoutArm;

    /** A scan of the experiment's logs ({@code withArms}) or of its pre-period. */
    public AbScan(AbSettings settings, boolean withArms) {
        this.settings = settings;
        this.withArms = withArms;
        double[] scales = new double[settings.metrics().size()];
        for (int k = 0; k < scales.length; k++) {
            scales[k] = settings.metrics().get(k).scale();
        }
        this.units = new UnitTable(scales);
    }

    @Override
    public void accept(LogRecord r) {
        if (!settings.filter().test(r)) {
            return;
        }
        records++;
        String unit = r.value(settings.unitField());
        if (unit == null || unit.isEmpty()) {
            withoutUnit++;
            return;
        }
        int arm = -1;
        if (withArms) {
            String a = settings.armField() == null ? r.arm() : r.value(settings.armField());
            if (a == null || a.isEmpty()) {
                withoutArm++;
                return;
            }
            arm = index(a, arms, armIndex);
            if (arm >= MAX_ARMS) {
                throw new InputException("more than " + MAX_ARMS + " arms in " + armName() + " (is it the arm field?)");
            }
        }
        int u = units.index(UnitTable.hash(unit));
        if (arm >= 0) {
            units.arm(u, arm);
        }
        if (settings.segmentField() != null) {
            String s = r.value(settings.segmentField());
            units.segment(u, s == null ? UnitTable.NO_SEGMENT : index(s, segments, segmentIndex));
        }
        List<Metric> metrics = settings.metrics();
        for (int k = 0; k < metrics.size(); k++) {
            Metric m = metrics.get(k);
            double cost = m.name().equals("cost_usd") ? cost(r) : Double.NaN;
            double x = m.value(r, cost);
            if (!Double.isNaN(x)) {
                units.add(u, k, m.kind() == Metric.Kind.ANY || m.kind() == Metric.Kind.RATE ? (x > 0 ? 1 : 0) : x);
            }
        }
    }

    private double cost(LogRecord r) {
        if (!Double.isNaN(r.costUsd())) {
            return r.costUsd();
        }
        PriceBook prices = settings.prices();
        return prices == null ? Double.NaN : prices.cost(r, prices.model(r));
    }

    private String armName() {
        return settings.armField() == null ? "the arm (or version) field" : settings.armField();
    }

    private static int index(String value, List<String> names, Map<String, Integer> index) {
        Integer i = index.get(value);
        if (i == null) {
            i = names.size();
            names.add(value);
            index.put(value, i);
        }
        return i;
    }

    /** The fields a request is read for: the metrics', and never the text. */
    @Override
    public Set<Field> reads() {
        return Accumulator.allBut(Field.PROMPT, Field.RESPONSE);
    }

    @Override
    public void merge(AbScan o) {
        int[] armMap = new int[o.arms.size()];
        for (int i = 0; i < armMap.length; i++) {
            armMap[i] = index(o.arms.get(i), arms, armIndex);
            if (armMap[i] >= MAX_ARMS) {
                throw new InputException("more than " + MAX_ARMS + " arms in " + armName() + " (is it the arm field?)");
            }
        }
        int[] segmentMap = new int[o.segments.size()];
        for (int i = 0; i < segmentMap.length; i++) {
            segmentMap[i] = index(o.segments.get(i), segments, segmentIndex);
        }
        units.merge(o.units, armMap, segmentMap);
        records += o.records;
        withoutUnit += o.withoutUnit;
        withoutArm += o.withoutArm;
    }

    @Override
    public AbScan result() {
        return this;
    }

    AbSettings settings() {
        return settings;
    }

    List<String> arms() {
        return arms;
    }

    List<String> segments() {
        return segments;
    }

    UnitTable units() {
        return units;
    }

    public long records() {
        return records;
    }

    public long withoutUnit() {
        return withoutUnit;
    }

    public long withoutArm() {
        return withoutArm;
    }
}
