package dev.mlops.cli;

import java.util.List;

/** The documented values of options, in lower case, for help texts and bash completion. */
final class Candidates {
    private Candidates() {
    }

    static final class Formats extends Values {
        Formats() {
            super("table", "json", "csv", "markdown");
        }
    }

    /** The input formats, asked for only when help or completion lists them (the formats load the JSON machinery). */
    static final class InputFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dev.mlops.logs.Formats.builtinNames().iterator();
        }
    }

    static final class DatasetFormats extends Values {
        DatasetFormats() {
            super("chat", "record", "dpo");
        }
    }

    static final class Severities extends Values {
        Severities() {
            super("warning", "critical");
        }
    }

    static final class Allocations extends Values {
        Allocations() {
            super("proportional", "equal", "sqrt");
        }
    }

    static final class Stages extends Values {
        Stages() {
            super("staging", "canary", "production");
        }
    }

    /** A fixed list of values. */
    abstract static class Values implements Iterable<String> {
        private final List<String> values;

        Values(String... values) {
            this.values = List.of(values);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return values.iterator();
        }
    }
}
