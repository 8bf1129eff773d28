package dev.tobira.server.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} parameters, as the token endpoint's body and the authorize query carry them. */
final class FormParameters {

    private FormParameters() {}

    /**
     * The decoded parameters, in order; a parameter without {@code =} has the empty value.
     *
     * @throws IllegalArgumentException when a part is not URL-encoded or a parameter is repeated (RFC 6749 §3.1,
     *     §3.2: parameters must not be included more than once), with a message naming the reason
     */
    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the parameters are not URL-encoded");
            }
            if (params.put(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " is repeated");
            }
        }
        return params;
    }
}
