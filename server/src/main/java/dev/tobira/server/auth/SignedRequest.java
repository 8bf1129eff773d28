package dev.tobira.server.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request exactly as it arrived, in the form {@link SigV4Verifier} needs: nothing decoded,
 * reordered or reconstructed, because the signature covers the bytes the client sent.
 *
 * @param method   the HTTP method, e.g. {@code POST}
 * @param rawPath  the request path as sent, still percent-encoded (a servlet's {@code getRequestURI()}),
 *                 without the query string; empty is read as {@code /}
 * @param rawQuery the query string as sent, without the {@code ?}, still percent-encoded; {@code null} or
 *                 empty when there is none
 * @param headers  every header as received, names case-insensitive (names differing only in case are
 *                 merged), each with its values in the order they arrived
 * @param body     the request body bytes; {@code null} is read as empty
 */
public record SignedRequest(String method, String rawPath, String rawQuery,
                            Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body.clone();
        var byName = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName
                .computeIfAbsent(Objects.requireNonNull(name, "header name"), n -> new ArrayList<>())
                .addAll(values == null ? List.of() : values));
        byName.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(byName);
    }

    /** A copy of the body; the record never shares its array. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of the named header (case-insensitive), if the request has one. */
    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every value of the named header (case-insensitive), empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequest that
                && method.equals(that.method) && rawPath.equals(that.rawPath) && rawQuery.equals(that.rawQuery)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Names the request without its headers or body, which may carry credentials or secrets. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?…") + ", "
                + body.length + " body bytes]";
    }
}
