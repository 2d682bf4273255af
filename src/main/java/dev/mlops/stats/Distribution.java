package dev.mlops.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * A mergeable accumulator of non-negative values. It keeps the values themselves, and so gives
 * exact (numpy linear) quantiles, while it holds at most {@code exactLimit} of them; past that it
 * moves them into a DDSketch with {@link #RELATIVE_ERROR} relative accuracy and bounded size.
 * Count, mean, min and max are always exact.
 */
public final class Distribution implements java.io.Serializable {
    public static final double RELATIVE_ERROR = 0.01;
    static final int SKETCH_BINS = 2048;

    private final int exactLimit;
    private double[] values = new double[16];
    private int n;
    private transient DDSketch sketch;
    private long count;
    private final ExactSum sum = new ExactSum();
    private final ExactSum sumSquares = new ExactSum();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public Distribution(int exactLimit) {
        if (exactLimit < 0) {
            throw new IllegalArgumentException("exact limit must not be negative: " + exactLimit);
        }
        this.exactLimit = exactLimit;
    }

    /** Adds a value; NaN is ignored (an absent measure). */
    public void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (v < 0) {
            throw new IllegalArgumentException("negative value " + v);
        }
        count++;
        sum.add(v);
        sumSquares.add(v * v);
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        if (sketch != null) {
            sketch.accept(v);
            return;
        }
        if (n == values.length) {
            if (n >= exactLimit) {
                toSketch();
                sketch.accept(v);
                return;
            }
            values = Arrays.copyOf(values, (int) Math.min((long) n * 2, Math.max(exactLimit, 16)));
        }
        values[n++] = v;
    }

    private void toSketch() {
        sketch = DDSketches.collapsingLowestDense(RELATIVE_ERROR, SKETCH_BINS);
        for (int i = 0; i < n; i++) {
            sketch.accept(values[i]);
        }
        values = null;
        n = 0;
    }

    public void merge(Distribution o) {
        count += o.count;
        sum.merge(o.sum);
        sumSquares.merge(o.sumSquares);
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        if (sketch == null && o.sketch == null && (long) n + o.n <= exactLimit) {
            if (n + o.n > values.length) {
                values = Arrays.copyOf(values, n + o.n);
            }
            System.arraycopy(o.values, 0, values, n, o.n);
            n += o.n;
            return;
        }
        if (sketch == null) {
            toSketch();
        }
        if (o.sketch != null) {
            sketch.mergeWith(o.sketch);
        } else {
            for (int i = 0; i < o.n; i++) {
                sketch.accept(o.values[i]);
            }
        }
    }

    public long count() {
        return count;
    }

    /** Population standard deviation (ddof = 0); exact in both modes. */
    public double std() {
        if (count == 0) {
            return Double.NaN;
        }
        double mean = sum.value() / count;
        return Math.sqrt(Math.max(0, sumSquares.value() / count - mean * mean));
    }

    /** The values, ascending, while exact; null once the distribution is a sketch. */
    public double[] sortedValues() {
        if (sketch != null) {
            return null;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The q-quantile: numpy-linear while exact, from the sketch after. */
    public double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        if (sketch == null) {
            double[] s = sortedValues();
            return Quantiles.linear(s, s.length, q);
        }
        return clamp(sketch.getValueAtQuantile(q));
    }

    /**
     * {@code k} quantiles at (i + 0.5)/k, ascending: the distribution as an equal-weight sample,
     * which is how distances are computed once it is a sketch.
     */
    public double[] quantileGrid(int k) {
        double[] qs = new double[k];
        for (int i = 0; i < k; i++) {
            qs[i] = (i + 0.5) / k;
        }
        if (sketch == null) {
            double[] s = sortedValues();
            double[] out = new double[k];
            for (int i = 0; i < k; i++) {
                out[i] = Quantiles.linear(s, s.length, qs[i]);
            }
            return out;
        }
        double[] out = sketch.getValuesAtQuantiles(qs);
        for (int i = 0; i < k; i++) {
            out[i] = clamp(out[i]);
        }
        Arrays.sort(out);
        return out;
    }


    public Summary summary() {
        if (count == 0) {
            return Summary.empty();
        }
        double mean = sum.value() / count;
        if (sketch == null) {
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return new Summary(count, mean, min, max,
                    Quantiles.linear(sorted, n, 0.50), Quantiles.linear(sorted, n, 0.90),
                    Quantiles.linear(sorted, n, 0.95), Quantiles.linear(sorted, n, 0.99),
                    "exact", 0, exactHistogram(sorted));
        }
        double[] q = sketch.getValuesAtQuantiles(new double[] {0.50, 0.90, 0.95, 0.99});
        return new Summary(count, mean, min, max, clamp(q[0]), clamp(q[1]), clamp(q[2]), clamp(q[3]),
                "ddsketch", RELATIVE_ERROR, sketchHistogram());
    }

    private double clamp(double v) {
        return Math.max(min, Math.min(max, v));
    }

    private Histogram exactHistogram(double[] sorted) {
        long zeros = 0;
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (double v : sorted) {
            if (v == 0) {
                zeros++;
            } else {
                counts.merge(Histogram.index(v), 1L, Long::sum);
            }
        }
        return Histogram.of(zeros, counts);
    }

    private Histogram sketchHistogram() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        long[] inStore = {0};
        sketch.getPositiveValueStore().forEach((index, c) -> {
            long k = Math.round(c);
            inStore[0] += k;
            counts.merge(Histogram.index(sketch.getIndexMapping().value(index)), k, Long::sum);
        });
        return Histogram.of(count - inStore[0], counts);
    }

    private static final long serialVersionUID = 1L;

    /** The sketch travels in its own encoding (DDSketch is not Serializable); it decodes into a fresh one. */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        if (sketch == null) {
            out.writeInt(-1);
        } else {
            com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput o =
                    com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput.withDefaultInitialCapacity();
            sketch.encode(o, false);
            byte[] bytes = o.trimmedCopy();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        if (n >= 0) {
            byte[] bytes = in.readNBytes(n);
            sketch = DDSketch.decode(com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput.wrap(bytes),
                    () -> new com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore(SKETCH_BINS));
        }
    }
}
