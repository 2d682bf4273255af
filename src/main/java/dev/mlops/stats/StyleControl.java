package dev.mlops.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Bradley-Terry with a covariate, as Chatbot Arena's style control: P(a beats b) =
 * σ(ln 10 / 400 · (r_a − r_b) + γ·x), x the vote's covariate (the normalised length difference),
 * fitted by Newton's method on the log-likelihood with ties counted as half a win each way. With x
 * all zero it is the plain Bradley-Terry fit.
 */
public final class StyleControl {
    private static final double C = Math.log(10) / 400;

    private StyleControl() {
    }

    /** The fit: ratings with the given mean, and the covariate's coefficient γ (on the logit scale). */
    public record Fit(double[] ratings, double gamma) {
    }

    /**
     * Fits n models' ratings and γ to votes (a, b, score of a in {0, ½, 1}, covariate x). A tiny
     * ridge (10⁻⁶ on the ratings' logit scale) keeps a model that never lost finite.
     */
    public static Fit fit(int n, int[] a, int[] b, double[] s, double[] x, double mean) {
        int p = n; // ratings 1..n-1 (model 0 fixed at 0), then gamma
        double[] theta = new double[p];
        for (int iter = 0; iter < 200; iter++) {
            double[] g = new double[p];
            double[][] h = new double[p][p];
            for (int v = 0; v < a.length; v++) {
                double z = C * (rating(theta, a[v]) - rating(theta, b[v])) + theta[p - 1] * x[v];
                double q = 1 / (1 + Math.exp(-z));
                double w = q * (1 - q);
                int ia = a[v] - 1;
                int ib = b[v] - 1;
                double r = s[v] - q;
                if (ia >= 0) {
                    g[ia] += C * r;
                }
                if (ib >= 0) {
                    g[ib] -= C * r;
                }
                g[p - 1] += x[v] * r;
                double[] f = new double[p];
                if (ia >= 0) {
                    f[ia] = C;
                }
                if (ib >= 0) {
                    f[ib] = -C;
                }
                f[p - 1] = x[v];
                for (int i : new int[] {ia, ib, p - 1}) {
                    if (i < 0) {
                        continue;
                    }
                    for (int j : new int[] {ia, ib, p - 1}) {
                        if (j >= 0) {
                            h[i][j] += w * f[i] * f[j];
                        }
                    }
                }
            }
            for (int i = 0; i < p - 1; i++) {
                double ridge = 1e-6 * C * C;
                g[i] -= ridge * theta[i];
                h[i][i] += ridge;
            }
            // and on gamma, so that a covariate that is zero throughout leaves gamma at 0
            g[p - 1] -= 1e-6 * theta[p - 1];
            h[p - 1][p - 1] += 1e-6;
            RealMatrix hm = new Array2DRowRealMatrix(h);
            RealVector step = new LUDecomposition(hm).getSolver().solve(new ArrayRealVector(g));
            double change = 0;
            for (int i = 0; i < p; i++) {
                theta[i] += step.getEntry(i);
                change = Math.max(change, Math.abs(step.getEntry(i)));
            }
            if (change < 1e-10) {
                break;
            }
        }
        double[] r = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            r[i] = rating(theta, i);
            sum += r[i];
        }
        for (int i = 0; i < n; i++) {
            r[i] += mean - sum / n;
        }
        return new Fit(r, theta[p - 1]);
    }

    private static double rating(double[] theta, int model) {
        return model == 0 ? 0 : theta[model - 1];
    }
}
