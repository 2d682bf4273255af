package dev.mlops.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many records each stratum gets. Proportional mirrors usage; equal gives every stratum the
 * same; sqrt is in between; weights come from a file. Shares are turned into whole quotas by the
 * largest-remainder method, so they sum to n; a stratum never gets more than it has, and what it
 * cannot give goes to the others, in proportion to their own shares.
 */
public final class Allocation {
    private Allocation() {
    }

    /** @param method proportional, equal, sqrt or weights */
    public static Map<String, Long> quotas(Map<String, Long> available, long n, String method,
                                           Map<String, Double> weights) {
        Map<String, Double> share = new TreeMap<>();
        for (Map.Entry<String, Long> e : available.entrySet()) {
            double s;
            switch (method) {
                case "proportional": s = e.getValue(); break;
                case "equal": s = e.getValue() > 0 ? 1 : 0; break;
                case "sqrt": s = Math.sqrt(e.getValue()); break;
                case "weights": s = weights.getOrDefault(e.getKey(), 0.0); break;
                default: throw new IllegalArgumentException("unknown allocation " + method);
            }
            share.put(e.getKey(), s);
        }
        Map<String, Long> quota = new TreeMap<>();
        available.keySet().forEach(k -> quota.put(k, 0L));
        long left = Math.min(n, available.values().stream().mapToLong(Long::longValue).sum());
        while (left > 0) {
            Map<String, Double> open = new LinkedHashMap<>();
            share.forEach((k, s) -> {
                if (s > 0 && quota.get(k) < available.get(k)) {
                    open.put(k, s);
                }
            });
            if (open.isEmpty()) {
                break;
            }
            Map<String, Long> give = largestRemainder(open, left);
            long given = 0;
            for (Map.Entry<String, Long> e : give.entrySet()) {
                long room = available.get(e.getKey()) - quota.get(e.getKey());
                long g = Math.min(room, e.getValue());
                quota.merge(e.getKey(), g, Long::sum);
                given += g;
            }
            if (given == 0) {
                break;
            }
            left -= given;
        }
        return quota;
    }

    /** Whole numbers proportional to the shares that sum to total (ties broken by key). */
    static Map<String, Long> largestRemainder(Map<String, Double> shares, long total) {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> out = new TreeMap<>();
        List<Map.Entry<String, Double>> rema = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            double exact = total * e.getValue() / sum;
            long floor = (long) Math.floor(exact);
            out.put(e.getKey(), floor);
            given += floor;
            rema.add(Map.entry(e.getKey(), exact - floor));
        }
        rema.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < total - given; i++) {
            out.merge(rema.get(i % rema.size()).getKey(), 1L, Long::sum);
        }
        return out;
    }

    /**
     * Weights by stratum from a YAML file of {@code name: weight}: a stratum is named by its full
     * label, by its bin and group ("p90-p99 / pro"), or by its bin alone; the most specific name wins.
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static Map<String, Double> weights(byte[] yaml, Strata strata, Map<String, Long> available) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("invalid YAML");
        }
        Map<String, List<String>> names = new java.util.HashMap<>();
        for (String s : available.keySet()) {
            String label = strata.label(s);
            String bin = label.substring(0, label.indexOf(' '));
            String rest = label.contains(" / ") ? label.substring(label.indexOf(" / ")) : "";
            for (String name : List.of(label, bin + rest, bin)) {
                names.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(s);
            }
        }
        Map<String, Double> w = new java.util.HashMap<>();
        Map<String, Integer> specificity = new java.util.HashMap<>();
        java.util.Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = root == null
                ? java.util.Collections.emptyIterator() : root.fields();
        while (it.hasNext()) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            List<String> matched = names.get(e.getKey());
            if (matched == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' names no stratum; strata: " + available.keySet()
                        .stream().map(strata::label).collect(java.util.stream.Collectors.joining("; ")));
            }
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new IllegalArgumentException("weight of '" + e.getKey() + "' must be a non-negative number");
            }
            int spec = e.getKey().length();
            for (String s : matched) {
                if (spec >= specificity.getOrDefault(s, -1)) {
                    w.put(s, e.getValue().asDouble());
                    specificity.put(s, spec);
                }
            }
        }
        return w;
    }
}
