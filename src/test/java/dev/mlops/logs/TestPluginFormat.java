package dev.mlops.logs;

import java.util.List;

/**
 * A format registered the way a plug-in would be (META-INF/services in the test resources): a
 * CSV whose header holds PLUGIN_OUT, with a preset that reads that column as output tokens.
 */
public final class TestPluginFormat implements Format {
    @Override
    public String key() {
        return "test-plugin";
    }

    @Override
    public Framing framing() {
        return Framing.CSV;
    }

    @Override
    public int sniff(Head head) {
        return !head.json() && head.firstLine().contains("PLUGIN_OUT") ? 5 : 0;
    }

    @Override
    public List<Rule> preset() {
        return List.of(Rule.of("PLUGIN_OUT", Field.OUTPUT_TOKENS));
    }
}
