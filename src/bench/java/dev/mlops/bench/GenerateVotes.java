package dev.mlops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Writes VOTES pairwise votes among MODELS models in mlops's vote format, outcomes drawn from
 * Bradley-Terry strengths spread from 800 to 1200, 10% ties. Seeded. Usage: GenerateVotes FILE VOTES MODELS
 */
public final class GenerateVotes {
    private GenerateVotes() {
    }

    public static void main(String[] args) throws IOException {
        long votes = Long.parseLong(args[1]);
        int models = Integer.parseInt(args[2]);
        SplittableRandom r = new SplittableRandom(11);
        double[] rating = new double[models];
        for (int i = 0; i < models; i++) {
            rating[i] = 800 + 400.0 * i / (models - 1);
        }
        try (BufferedWriter w = Files.newBufferedWriter(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            for (long v = 0; v < votes; v++) {
                int a = r.nextInt(models);
                int b = (a + 1 + r.nextInt(models - 1)) % models;
                double pa = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
                double u = r.nextDouble();
                String winner = u < 0.1 ? "tie" : r.nextDouble() < pa ? "model_a" : "model_b";
                w.write(String.format("{\"model_a\":\"m%03d\",\"model_b\":\"m%03d\",\"winner\":\"%s\",\"first_shown\":\"model_a\"}%n",
                        a, b, winner));
            }
        }
    }
}
