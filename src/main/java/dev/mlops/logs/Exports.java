package dev.mlops.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Exports of known tools that are JSONL (or one JSON document) or CSV with their own names: presets
 * over the basic framings, so that they read at the JSON scanner's speed. Each is recognised by
 * names that only it writes.
 */
enum Exports implements Format {
    /** LiteLLM's StandardLoggingPayload (a logging callback's records), JSONL or one pretty-printed object. */
    LITELLM("litellm", Framing.JSON) {
        @Override
        public int sniff(Head h) {
            String t = h.all();
            return h.json() && t.contains("\"model_group\"") && t.contains("\"response_cost\"") ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return rules(
                    Rule.of("endTime", Field.END_TIME),
                    Rule.of("completionStartTime", Field.FIRST_TOKEN_TIME),
                    Rule.marker("error_information.error_class", Rule.How.ERROR_MARKER),
                    Rule.of("response.choices.message.content", Field.RESPONSE),
                    Rule.of("response.choices.finish_reason", Field.FINISH_REASON),
                    Rule.of("response.usage.prompt_tokens_details.cached_tokens", Field.CACHED_INPUT_TOKENS),
                    attribute("model_group", "model_group"),
                    attribute("metadata.user_api_key_alias", "api_key_alias"));
        }
    },
    /** OpenAI Batch API output: one line per request, {custom_id, response {status_code, body}, error}. */
    OPENAI_BATCH("openai-batch", Framing.JSON) {
        @Override
        public int sniff(Head h) {
            String t = h.all();
            return h.json() && !h.array() && t.contains("\"custom_id\"") && t.contains("\"status_code\"")
                    && t.contains("\"response\"") ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return rules(
                    Rule.of("custom_id", Field.ID),
                    Rule.marker("error.code", Rule.How.ERROR_MARKER),
                    Rule.marker("response.body.error.code", Rule.How.ERROR_MARKER),
                    Rule.marker("response.status_code", Rule.How.HTTP_CODE),
                    Rule.of("response.body.created", Field.TIMESTAMP),
                    Rule.of("response.body.model", Field.MODEL),
                    Rule.of("response.body.usage.prompt_tokens", Field.INPUT_TOKENS),
                    Rule.of("response.body.usage.completion_tokens", Field.OUTPUT_TOKENS),
                    Rule.of("response.body.usage.prompt_tokens_details.cached_tokens", Field.CACHED_INPUT_TOKENS),
                    Rule.of("response.body.choices.finish_reason", Field.FINISH_REASON),
                    Rule.of("response.body.choices.message.content", Field.RESPONSE));
        }
    },
    /**
     * Anthropic Message Batches results: {custom_id, result {type, message | error}}. Anthropic's
     * input_tokens leave out cache reads and writes; they are added, so that input tokens are all of them
     * and cached tokens a part of them, as in OpenAI's and OpenTelemetry's usage.
     */
    ANTHROPIC_BATCH("anthropic-batch", Framing.JSON) {
        @Override
        public int sniff(Head h) {
            String t = h.all();
            return h.json() && !h.array() && t.contains("\"custom_id\"") && t.contains("\"result\"")
                    && (t.contains("\"succeeded\"") || t.contains("\"errored\"") || t.contains("\"canceled\"")
                    || t.contains("\"expired\"")) ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return rules(
                    Rule.of("custom_id", Field.ID),
                    Rule.marker("result.error.error.type", Rule.How.ERROR_MARKER),
                    Rule.marker("result.error.type", Rule.How.ERROR_MARKER),
                    new Rule("result.type", Field.STATUS, Rule.How.VALUE, 1, null),
                    Rule.of("result.message.model", Field.MODEL),
                    Rule.of("result.message.usage.input_tokens", Field.INPUT_TOKENS),
                    Rule.added("result.message.usage.cache_read_input_tokens", Field.INPUT_TOKENS),
                    Rule.added("result.message.usage.cache_creation_input_tokens", Field.INPUT_TOKENS),
                    Rule.of("result.message.usage.output_tokens", Field.OUTPUT_TOKENS),
                    Rule.of("result.message.usage.cache_read_input_tokens", Field.CACHED_INPUT_TOKENS),
                    Rule.of("result.message.stop_reason", Field.FINISH_REASON),
                    Rule.of("result.message.content.text", Field.RESPONSE));
        }
    },
    /** Helicone request exports as JSON or JSONL (the CSV export is {@link #HELICONE_CSV}). */
    HELICONE("helicone", Framing.JSON) {
        @Override
        public int sniff(Head h) {
            String t = h.all();
            return h.json() && t.contains("\"request_created_at\"") && t.contains("\"response_status\"") ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return heliconeRules();
        }
    },
    /** Helicone's CSV export: the same columns. */
    HELICONE_CSV("helicone-csv", Framing.CSV) {
        @Override
        public int sniff(Head h) {
            String line = h.firstLine();
            return !h.json() && line.contains("request_created_at") && line.contains("response_status") ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return heliconeRules();
        }
    },
    /**
     * BurstGPT (Wang et al., 2024): CSV of Timestamp (seconds from the trace's start), Model, Request
     * tokens, Response tokens, Total tokens, Log Type; v3 adds Session ID and Elapsed time (s). A response
     * of 0 tokens is a failed request.
     */
    BURSTGPT("burstgpt", Framing.CSV) {
        @Override
        public int sniff(Head h) {
            String line = h.firstLine();
            return !h.json() && line.contains("Request tokens") && line.contains("Response tokens")
                    && line.contains("Log Type") ? 3 : 0;
        }

        @Override
        public List<Rule> preset() {
            return rules(
                    Rule.of("Timestamp", Field.TIMESTAMP),
                    Rule.of("Model", Field.MODEL),
                    Rule.of("Request tokens", Field.INPUT_TOKENS),
                    Rule.of("Response tokens", Field.OUTPUT_TOKENS),
                    Rule.marker("Response tokens", Rule.How.ZERO_IS_ERROR),
                    Rule.seconds("Elapsed time", Field.LATENCY_MS),
                    attribute("Log Type", "log_type"),
                    attribute("Session ID", "conversation"));
        }
    };

    private final String name;
    private final Framing framing;

    Exports(String name, Framing framing) {
        this.name = name;
        this.framing = framing;
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public Framing framing() {
        return framing;
    }

    static List<Rule> heliconeRules() {
        return rules(
                Rule.of("request_id", Field.ID),
                Rule.of("request_created_at", Field.TIMESTAMP),
                Rule.of("response_created_at", Field.END_TIME),
                Rule.of("delay_ms", Field.LATENCY_MS),
                Rule.of("time_to_first_token", Field.TTFT_MS),
                Rule.marker("response_status", Rule.How.HTTP_CODE),
                Rule.of("model", Field.MODEL),
                Rule.of("prompt_tokens", Field.INPUT_TOKENS),
                Rule.of("completion_tokens", Field.OUTPUT_TOKENS),
                Rule.of("prompt_cache_read_tokens", Field.CACHED_INPUT_TOKENS),
                Rule.of("costUSD", Field.COST_USD),
                Rule.of("cost_usd", Field.COST_USD),
                Rule.of("request_user_id", Field.USER));
    }

    static Rule attribute(String path, String name) {
        return new Rule(path, Field.ATTRIBUTE, Rule.How.VALUE, 1, name);
    }

    private static List<Rule> rules(Rule... rules) {
        return new ArrayList<>(List.of(rules));
    }
}
