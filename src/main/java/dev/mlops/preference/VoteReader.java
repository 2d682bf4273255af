package dev.mlops.preference;

import dev.mlops.logs.InputException;
import dev.mlops.logs.JsonLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads vote files into {@link Vote}s: each file's format named or detected from its first record,
 * the models from the file's name with a pattern, the segment from a field; a vote that cannot be
 * read is kept as a message naming its file and line. Names repeat on every vote, so each is held once.
 */
public final class VoteReader {
    /** The votes read, the messages of those that could not be, and how many records there were. */
    public record Result(List<Vote> votes, List<String> bad, long records) {
    }

    private final VoteFormat named;
    private final Pattern pair;
    private final String segmentBy;
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param named     the format, or null to detect it per file
     * @param pair      the pattern that finds the two models in a file's name, or null
     * @param segmentBy the field that holds a vote's segment, or null for {@code segment}
     */
    public VoteReader(VoteFormat named, Pattern pair, String segmentBy) {
        this.named = named;
        this.pair = pair;
        this.segmentBy = segmentBy;
    }

    /** Reads the files, given as paths and the names messages use. */
    public Result read(List<Path> files, List<String> displayNames) {
        List<Vote> votes = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        long[] records = {0};
        for (int i = 0; i < files.size(); i++) {
            String name = displayNames.get(i);
            String[] models;
            try {
                models = pair == null ? null : VoteFormat.modelsFromName(pair, files.get(i).getFileName().toString());
            } catch (IllegalArgumentException e) {
                throw new InputException(name + ": " + e.getMessage());
            }
            VoteFormat[] format = {named != null ? named : pair != null ? VoteFormat.NAMED_PAIR : null};
            JsonLines.read(files.get(i), name, (o, line) -> {
                records[0]++;
                if (format[0] == null) {
                    format[0] = VoteFormat.sniff(o);
                }
                try {
                    Vote v = format[0].vote(o, models, votes.size());
                    if (segmentBy != null && !segmentBy.equals("segment")) {
                        com.fasterxml.jackson.databind.JsonNode seg = o.get(segmentBy);
                        v = v.withSegment(seg == null || seg.isNull() || seg.isContainerNode() ? null : seg.asText());
                    }
                    votes.add(new Vote(v.item(), intern(v.modelA()), intern(v.modelB()), v.outcome(), v.firstShown(),
                            intern(v.judge()), intern(v.segment()), v.order(), v.lengthA(), v.lengthB(), v.preference()));
                } catch (IllegalArgumentException e) {
                    bad.add(name + ":" + line + ": " + e.getMessage());
                }
            });
        }
        return new Result(votes, bad, records[0]);
    }

    private String intern(String s) {
        return s == null ? null : names.computeIfAbsent(s, k -> k);
    }
}
