package dev.mlops.cli;

import dev.mlops.stats.SampleSize;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlops abtest plan}: how many units an experiment needs. */
@Command(name = "plan", sortOptions = false,
        description = {"Units per arm to detect an absolute effect --mde with the given power, two-sided at --alpha: for "
                + "a binary metric from its baseline rate (Fleiss), for a continuous one from its standard deviation "
                + "--sd. With more than two arms, alpha is split over the comparisons with the control (Bonferroni)."})
final class AbtestPlanCommand extends PlainCommand {
    @Option(names = "--baseline", required = true, paramLabel = "P", description = "The control's rate (binary) or mean.")
    double baseline;

    @Option(names = "--mde", required = true, paramLabel = "D", description = "The smallest absolute effect worth "
            + "finding, e.g. 0.02 for 10%% to 12%%.")
    double mde;

    @Mixin
    AlphaOption significance;

    @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "Power (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--sd", paramLabel = "S", description = "The metric's standard deviation: a continuous metric.")
    Double sd;

    @Option(names = "--arms", paramLabel = "N", defaultValue = "2", description = "Arms, the control included (default: ${DEFAULT-VALUE}).")
    int arms;

    AbtestPlanCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() {
        double alpha = significance.validated(spec);
        if (!(power > 0 && power < 1)) {
            throw usage("--power must be between 0 and 1");
        }
        if (arms < 2) {
            throw usage("--arms must be at least 2");
        }
        if (!(mde != 0) || Double.isNaN(mde)) {
            throw usage("--mde must not be zero");
        }
        double a = alpha / (arms - 1);
        double n;
        String what;
        if (sd == null) {
            double p2 = baseline + mde;
            if (!(baseline > 0 && baseline < 1) || !(p2 > 0 && p2 < 1)) {
                throw usage("for a binary metric --baseline and --baseline + --mde must be rates between 0 and 1 "
                        + "(give --sd S for a continuous metric)");
            }
            n = SampleSize.proportions(baseline, p2, a, power);
            what = String.format(Locale.ROOT, "binary metric: %s to %s", pct(baseline), pct(p2));
        } else {
            if (!(sd > 0)) {
                throw usage("--sd must be positive");
            }
            n = SampleSize.means(sd, Math.abs(mde), a, power);
            what = String.format(Locale.ROOT, "continuous metric: mean %s, sd %s, effect %s", plain(baseline),
                    plain(sd), plain(mde));
        }
        long perArm = (long) Math.ceil(n - 1e-9);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "units per arm: %,d%n", perArm);
        out.printf(Locale.ROOT, "units in all:  %,d (%d arms)%n", perArm * arms, arms);
        out.printf(Locale.ROOT, "%s; two-sided alpha %s%s, power %s%n", what, plain(alpha),
                arms > 2 ? " (" + plain(a) + " per comparison)" : "", plain(power));
        return ExitCode.OK.code();
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p * 100);
    }

    private static String plain(double v) {
        return dev.mlops.text.Numbers.plain(v);
    }
}
