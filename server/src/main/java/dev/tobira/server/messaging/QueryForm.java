package dev.tobira.server.messaging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an AWS query-protocol call ({@code application/x-www-form-urlencoded}, UTF-8), as
 * botocore and the AWS SDKs write them: scalars by dotted path ({@code Message.Subject.Data}), lists as
 * {@code Name.member.1}, {@code Name.member.2}, … The last value of a repeated name wins.
 */
public record QueryForm(Map<String, String> parameters) {

    public QueryForm {
        parameters = Map.copyOf(parameters);
    }

    /**
     * @throws SideDoorError {@code MalformedQueryString} when an escape is not {@code %XX} or the
     *     bytes are not UTF-8
     */
    public static QueryForm parse(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw SideDoorError.badRequest("MalformedQueryString", "The request body is not a valid"
                    + " application/x-www-form-urlencoded query string.");
        }
        return new QueryForm(parameters);
    }

    /** The value of {@code name}, if given and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * The value of {@code name}.
     *
     * @param memberPath how AWS's validation names the member, e.g. {@code message.subject.data}
     * @throws SideDoorError {@code ValidationError} when it is missing or empty
     */
    public String required(String name, String memberPath) {
        return get(name).orElseThrow(() -> SideDoorError.missing(memberPath));
    }

    /** The list {@code name.member.1}, {@code name.member.2}, … up to the first gap; empty when absent. */
    public List<String> members(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(name + ".member." + i); i++) {
            values.add(parameters.get(name + ".member." + i));
        }
        return List.copyOf(values);
    }

    /** Whether any parameter's name starts with {@code prefix} (a structure given with any member). */
    public boolean hasAny(String prefix) {
        return parameters.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }
}
