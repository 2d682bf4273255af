package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's release-manager walkthrough, line by line, exactly as written there, on a copy of examples/. */
class ReadmeWalkthroughTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunTheReleaseManagersDay_asTheReadmeWritesIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("A release manager's day");
        assertTrue(at >= 0, "the walkthrough is in the README");
        String block = readme.substring(readme.indexOf("```sh\n", at) + 6, readme.indexOf("```", readme.indexOf("```sh\n", at) + 6));
        List<String> lines = block.lines().toList();
        assertEquals("cp -r examples /tmp/rel && cd /tmp/rel", lines.get(0));
        ReleaseFixture f = new ReleaseFixture(dir);
        int run = 0;
        for (String line : lines.subList(1, lines.size())) {
            String command = line.replaceAll("\\s+#.*$", "");
            Matcher expected = Pattern.compile("#\\s*exit (\\d+)").matcher(line);
            int exit = expected.find() ? Integer.parseInt(expected.group(1)) : 0;
            List<String> words = words(command);
            assertEquals("mlops", words.get(0), line);
            Cli.Result r = f.run(words.subList(1, words.size()).toArray(new String[0]));
            assertEquals(exit, r.exit(), line + "\n" + r);
            run++;
        }
        assertEquals(9, run);
        assertEquals("production", f.stageOf("v11"), "rolled back");
        assertEquals("retired", f.stageOf("v12"));
    }

    /** Words as a POSIX shell splits them, with double quotes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
