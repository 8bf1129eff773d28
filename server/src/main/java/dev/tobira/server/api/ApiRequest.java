package dev.tobira.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An API call as it arrived: enough of the HTTP request to dispatch it and to check its signature.
 *
 * @param headers header values by name; names compare case-insensitively
 * @param clientAddress the client's IP address, for rate limits: the connection's peer, or with
 *     {@code --behind-proxy} the address that a proxy on a private address forwarded
 */
public record ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body, String clientAddress) {

    public ApiRequest {
        Objects.requireNonNull(clientAddress, "clientAddress");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
