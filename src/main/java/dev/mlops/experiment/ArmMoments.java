package dev.mlops.experiment;

/**
 * The sums over one arm's units that its tests need: of the unit value y and y² (and, for a
 * per-request ratio, of numerator and denominator, their squares and product), of the pre-period
 * value x, x² and x·y for CUPED, and whether every value was 0 or 1 and every unit had one request.
 */
final class ArmMoments {
    long n;
    double y;
    double y2;
    double num;
    double den;
    double num2;
    double den2;
    double numDen;
    double x;
    double x2;
    double xy;
    long withPre;
    boolean binary = true;
    boolean oneRequestEach = true;

    void addUnit(double value, double numerator, double denominator) {
        n++;
        y += value;
        y2 += value * value;
        num += numerator;
        den += denominator;
        num2 += numerator * numerator;
        den2 += denominator * denominator;
        numDen += numerator * denominator;
        binary &= value == 0 || value == 1;
        oneRequestEach &= denominator == 1;
    }

    void addPre(double pre, double value, boolean observed) {
        x += pre;
        x2 += pre * pre;
        xy += pre * value;
        if (observed) {
            withPre++;
        }
    }

    double mean() {
        return y / n;
    }

    /** The sample variance of the unit values (ddof 1). */
    double variance() {
        return n < 2 ? Double.NaN : Math.max(0, (y2 - y * y / n) / (n - 1));
    }

    /** The variance of Y − θ(X − x̄) (ddof 1). */
    double adjustedVariance(double theta) {
        if (n < 2) {
            return Double.NaN;
        }
        double vy = (y2 - y * y / n) / (n - 1);
        double vx = (x2 - x * x / n) / (n - 1);
        double c = (xy - x * y / n) / (n - 1);
        return Math.max(0, vy - 2 * theta * c + theta * theta * vx);
    }
}
