package dev.mlops.registry;

/**
 * Where a version is served, for the playground: an OpenAI-compatible endpoint (vLLM, TGI,
 * llama.cpp's server, LiteLLM, OpenAI) and the model name it knows the version by.
 *
 * @param endpoint  the API's base URL, e.g. http://127.0.0.1:8000/v1 (http or https)
 * @param model     the model name to send, e.g. support-bot-v12
 * @param apiKeyEnv the environment variable that holds its API key, or null for none
 */
public record Serving(String endpoint, String model, String apiKeyEnv) implements java.io.Serializable {
}
