package dev.mlops.cli;

import dev.mlops.logs.BadLines;
import dev.mlops.logs.FileReport;
import java.io.PrintWriter;
import java.util.List;

/** Reports skipped records on stderr: the first few as {@code file:line: what is wrong}, then a count. */
final class Diagnostics {
    private Diagnostics() {
    }

    static void badRecords(PrintWriter err, List<FileReport> files) {
        long total = 0;
        long records = 0;
        int shown = 0;
        for (FileReport f : files) {
            total += f.bad();
            records += f.records() + f.bad();
            for (BadLines.Example e : f.examples()) {
                if (shown < BadLines.KEPT) {
                    err.println(f.name() + ":" + f.where(e) + ": " + e.message());
                    shown++;
                }
            }
        }
        if (total > 0) {
            err.printf(java.util.Locale.ROOT, "mlops: skipped %,d malformed record%s of %,d%n", total,
                    total == 1 ? "" : "s", records);
        }
        err.flush();
    }
}
