package dev.mlops.playground;

/**
 * A model to talk to.
 *
 * @param name     what the transcript calls it: the registry version, or the model name
 * @param version  the registry version, or null when given by --endpoint and --model
 * @param endpoint the API's base URL (…/v1)
 * @param model    the model name the server knows
 * @param apiKey   the bearer token, or null
 */
public record Target(String name, String version, String endpoint, String model, String apiKey) {
    @Override
    public String toString() {
        return name + " (" + model + " at " + endpoint + ")";   // never the key
    }
}
