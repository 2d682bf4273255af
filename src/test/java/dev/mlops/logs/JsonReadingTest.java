package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReadingTest {
    @Test
    void shouldMapCommonNames_withoutAnyMapping() {
        LogRecord r = Logs.text("{\"request_id\":\"a1\",\"timestamp\":\"2026-11-01T09:00:00Z\",\"model\":\"bot\","
                + "\"version\":\"v12\",\"stage\":\"canary\",\"user\":\"u1\",\"segment\":\"pro\","
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":100}},"
                + "\"latency_ms\":812.5,\"ttft_ms\":95,\"finish_reason\":\"length\",\"cost_usd\":0.0012,"
                + "\"prompt\":\"hi \\\"there\\\"\\n\\u00e9\",\"response\":\"ok\",\"feedback\":{\"thumbs\":-1}}\n").only();
        assertEquals("a1", r.id());
        assertEquals(Instant.parse("2026-11-01T09:00:00Z"), r.timestamp());
        assertEquals("bot", r.model());
        assertEquals("v12", r.version());
        assertEquals("v12", r.arm());
        assertEquals("canary", r.stage());
        assertEquals("u1", r.user());
        assertEquals("pro", r.segment());
        assertEquals(120, r.inputTokens());
        assertEquals(30, r.outputTokens());
        assertEquals(100, r.cachedInputTokens());
        assertEquals(812.5, r.latencyMs());
        assertEquals(95.0, r.ttftMs());
        assertEquals("length", r.finishReason());
        assertEquals(0.0012, r.costUsd());
        assertEquals("hi \"there\"\né", r.prompt());
        assertEquals(-1.0, r.feedback().get("thumbs"));
        assertEquals(Status.OK, r.status());
    }

    @Test
    void shouldConvertSecondsToMilliseconds_andReadNestedCachedTokens() {
        LogRecord r = Logs.text("{\"latency\":1.25,\"ttft_s\":0.5,"
                + "\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":7}}}").only();
        assertEquals(1250.0, r.latencyMs());
        assertEquals(500.0, r.ttftMs());
        assertEquals(7, r.cachedInputTokens());
    }

    @Test
    void latencyAndTtftAreDifferencesOfTimes_whenNotGiven() {
        ReadOptions o = new ReadOptions(Mapping.defaults().withPreset(List.of(Rule.of("end", Field.END_TIME),
                Rule.of("first", Field.FIRST_TOKEN_TIME))), null, 1 << 20, 1);
        Logs.Read r = Logs.text(String.join("\n",
                "{\"timestamp\":\"2026-11-01T09:00:00Z\",\"end\":\"2026-11-01T09:00:01.5Z\",\"first\":1793523600.25}",
                "{\"timestamp\":\"2026-11-01T09:00:00Z\",\"end\":\"2026-11-01T09:00:09Z\",\"latency_ms\":700}",
                "{\"timestamp\":\"2026-11-01T09:00:05Z\",\"end\":\"2026-11-01T09:00:01Z\"}"), o);
        assertEquals(1500.0, r.records().get(0).latencyMs());
        assertEquals(250.0, r.records().get(0).ttftMs(), "an epoch float, to the microsecond");
        assertEquals(700.0, r.records().get(1).latencyMs(), "a given latency wins");
        assertEquals(1, r.file().bad());
        assertTrue(r.file().examples().get(0).message().startsWith("end_time 2026-11-01T09:00:01Z is before the "
                + "timestamp"), r.file().examples().toString());
    }

    @Test
    void anObjectWhereDeeperRulesLook_isNotABadValue_andListsOfObjectsGiveTheirFirst() {
        ReadOptions o = new ReadOptions(Mapping.defaults().withPreset(List.of(
                Rule.of("response.choices.message.content", Field.RESPONSE))), null, 1 << 20, 1);
        LogRecord r = Logs.text("{\"response\":{\"choices\":[{\"message\":{\"content\":\"first\"}},"
                + "{\"message\":{\"content\":\"second\"}}]}}", o).only();
        assertEquals("first", r.response());
        // without a deeper rule, an object where the response text should be is still a bad record
        assertEquals(1, Logs.text("{\"response\":{\"text\":\"x\"}}").file().bad());
    }

    /** A format's preset does not bring back the fields a command does not read (analyze never decodes text). */
    @Test
    void presetRulesOfUnreadFieldsAreDropped() {
        Mapping m = Mapping.defaults().without(Field.RESPONSE, Field.PROMPT)
                .withPreset(List.of(Rule.of("body.content", Field.RESPONSE), Rule.of("body.model", Field.MODEL)));
        assertTrue(m.rules().stream().noneMatch(r -> r.path().equals("body.content")), m.rules().toString());
        assertTrue(m.rules().stream().anyMatch(r -> r.path().equals("body.model")));
        LogRecord r = Logs.text("{\"body\":{\"content\":\"text\",\"model\":\"m\"}}", new ReadOptions(m, null, 1 << 20, 1))
                .only();
        assertNull(r.response());
        assertEquals("m", r.model());
    }

    @Test
    void addedCountsAndZeroAsAnError() {
        ReadOptions o = new ReadOptions(Mapping.defaults().withPreset(List.of(Rule.added("cache_read", Field.INPUT_TOKENS),
                Rule.marker("output_tokens", Rule.How.ZERO_IS_ERROR))), null, 1 << 20, 1);
        Logs.Read r = Logs.text("{\"input_tokens\":10,\"cache_read\":90,\"output_tokens\":0}\n"
                + "{\"cache_read\":5,\"output_tokens\":3}", o);
        assertEquals(100, r.records().get(0).inputTokens());
        assertEquals("empty response", r.records().get(0).errorType());
        assertEquals(LogRecord.ABSENT, r.records().get(1).inputTokens(), "an addition alone is not a count");
        assertEquals(Status.OK, r.records().get(1).status());
    }

    @Test
    void shouldLeaveAbsentFieldsAbsent_notZero() {
        LogRecord r = Logs.text("{\"model\":\"m\"}").only();
        assertEquals(LogRecord.ABSENT, r.inputTokens());
        assertTrue(Double.isNaN(r.latencyMs()));
        assertNull(r.timestamp());
        assertNull(r.version());
    }

    @Test
    void shouldRecogniseFailures_fromEveryErrorSignal() {
        List<LogRecord> rs = Logs.text(String.join("\n",
                "{\"status\":\"error\"}",
                "{\"status_code\":503}",
                "{\"status_code\":200}",
                "{\"error\":{\"type\":\"timeout\",\"message\":\"x\"}}",
                "{\"error_code\":429}",
                "{\"error_code\":null}",
                "{\"level\":\"ERROR\"}",
                "{\"error\":\"\"}",
                "{\"gen_ai.response.finish_reasons\":[\"stop\",\"length\"],\"error.type\":\"boom\"}")).records();
        assertEquals(List.of(Status.ERROR, Status.ERROR, Status.OK, Status.ERROR, Status.ERROR, Status.OK,
                Status.ERROR, Status.OK, Status.ERROR), rs.stream().map(LogRecord::status).toList());
        assertEquals("http_503", rs.get(1).errorType());
        assertEquals("timeout", rs.get(3).errorType());
        assertEquals("429", rs.get(4).errorType());
        assertEquals("stop", rs.get(8).finishReason());
        assertEquals("boom", rs.get(8).errorType());
    }

    @Test
    void shouldReadAJsonArray_prettyPrinted_withLineNumbersOfBadElements() {
        String arr = "[\n  {\"input_tokens\": 5},\n  {\n    \"input_tokens\": -3\n  },\n  {\"input_tokens\": 7}\n]\n";
        Logs.Read r = Logs.text(arr);
        assertEquals(List.of(5L, 7L), r.records().stream().map(LogRecord::inputTokens).toList());
        assertEquals("json-array", r.file().format());
        assertEquals(1, r.file().bad());
        assertEquals(3, r.file().examples().get(0).line());
        assertEquals("input_tokens is -3, expected a non-negative integer", r.file().examples().get(0).message());
    }

    @Test
    void shouldCountAndSkipBadLines_namingLineAndField() {
        String log = String.join("\n",
                "{\"output_tokens\": 1}",
                "{\"output_tokens\": \"abc\"}",
                "not json at all",
                "",
                "{\"output_tokens\": 2.5}",
                "{\"output_tokens\": 3} trailing",
                "{\"output_tokens\": 4, \"x\": [1, {\"y\": \"}\"}]}",
                "{\"output_tokens\": 5,",
                "{\"output_tokens\": \"6\"}");
        Logs.Read r = Logs.text(log);
        assertEquals(List.of(1L, 4L, 6L), r.records().stream().map(LogRecord::outputTokens).toList());
        assertEquals(5, r.file().bad());
        List<BadLines.Example> ex = r.file().examples();
        assertEquals(2, ex.get(0).line());
        assertEquals("output_tokens is \"abc\", expected an integer", ex.get(0).message());
        assertEquals(3, ex.get(1).line());
        assertEquals("expected a JSON object, found 'n'", ex.get(1).message());
        assertEquals(5, ex.get(2).line());
        assertEquals("output_tokens is 2.5, expected an integer", ex.get(2).message());
        assertEquals(6, ex.get(3).line());
        assertEquals(8, ex.get(4).line());
    }

    @Test
    void shouldKeepOnlyFiveExamples_butCountEveryBadLine() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("{\"input_tokens\": -1}\n");
        }
        Logs.Read r = Logs.text(sb.toString());
        assertEquals(20, r.file().bad());
        assertEquals(BadLines.KEPT, r.file().examples().size());
    }

    @Test
    void shouldReadCrlfLines_aByteOrderMark_andObjectsSpanningLines() {
        Logs.Read r = Logs.text("\uFEFF{\"input_tokens\":1}\r\n{\"input_tokens\":2}\r\n{\n\"input_tokens\":3\n}\n"
                + "{\"input_tokens\": 4}");
        assertEquals(List.of(1L, 2L, 3L, 4L), r.records().stream().map(LogRecord::inputTokens).toList());
        assertEquals(0, r.file().bad());
    }

    @Test
    void shouldHonourUserMapping_overTheDefaults() {
        ReadOptions d = ReadOptions.defaults();
        Mapping m = Mapping.defaults().withUserRules(List.of(Mapping.parseRule("output_tokens=meta.n_out"),
                Mapping.parseRule("latency_ms=dur:us"), Mapping.parseRule("attributes.tier=meta.tier")));
        ReadOptions o = new ReadOptions(m, d.format(), d.maxRecordBytes(), 1);
        LogRecord r = Logs.text("{\"output_tokens\":1,\"meta\":{\"n_out\":9,\"tier\":\"gold\"},\"dur\":2500}", o).only();
        assertEquals(9, r.outputTokens());
        assertEquals(2.5, r.latencyMs());
        assertEquals("gold", r.value("tier"));
    }

    @Test
    void shouldExtractRequestedAttributes_fromTopLevelOrMetadata() {
        ReadOptions d = ReadOptions.defaults();
        ReadOptions o = new ReadOptions(Mapping.defaults().withAttributes(List.of("region", "plan")), d.format(),
                d.maxRecordBytes(), 1);
        LogRecord r = Logs.text("{\"region\":\"eu\",\"metadata\":{\"plan\":\"pro\"}}", o).only();
        assertEquals("eu", r.value("region"));
        assertEquals("pro", r.value("plan"));
    }

    @Test
    void shouldParseNumbersExactly_likeADecimalParser() {
        String[] lexemes = {"0.1", "4.662535021000011", "1e3", "-0", "123456789012345678901", "2.5E-3",
                "0.30000000000000004", "1.7976931348623157e308"};
        for (String s : lexemes) {
            LogRecord r = Logs.text("{\"cost\": 1, \"feedback\": {\"reward\": " + s + "}}").only();
            assertEquals(Double.parseDouble(s), r.feedback().get("reward"), 0.0, s);
        }
    }
}
