package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed bash completion, run in a real bash: log files, stages, and the documented values in lower case. */
class CompletionTest {
    private static String complete(String... words) throws IOException, InterruptedException {
        String script = "source " + Path.of("completions/mlops.bash").toAbsolutePath() + "\n"
                + "cd " + Path.of("examples").toAbsolutePath() + "\n"
                + "COMP_WORDS=(" + String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList())
                + "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_mlops mlops \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        return out;
    }

    @Test
    void shouldCompleteLogFiles_stages_andDocumentedValues() throws Exception {
        assertEquals("logs.jsonl", complete("mlops", "analyze", "lo"));
        assertEquals("logs.jsonl", complete("mlops", "drift", "--baseline", "lo"));
        assertEquals("csv json markdown table", complete("mlops", "analyze", "--format", ""));
        assertEquals("canary production staging", complete("mlops", "promote", "v12", "--to", ""));
        assertEquals("critical warning", complete("mlops", "health", "--fail-on", ""));
        assertEquals("equal proportional sqrt", complete("mlops", "select", "logs.jsonl", "--allocate", ""));
        assertEquals("chat dpo record", complete("mlops", "select", "logs.jsonl", "--output-format", ""));
        String inputs = complete("mlops", "analyze", "--input-format", "");
        assertTrue(List.of(inputs.split(" ")).containsAll(List.of("auto", "jsonl", "csv")), inputs);
    }
}
