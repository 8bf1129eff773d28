package dev.tobira.core.srp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the lines the node interop script prints and reads (core has no JSON
 * library): objects, arrays, strings, numbers and literals in; objects of strings out.
 */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** Writes a flat or nested map of strings, escaping everything outside printable ASCII. */
    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder("{");
        object.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(name)).append(':');
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> nested = (Map<String, ?>) map;
                out.append(write(nested));
            } else {
                out.append(string((String) value));
            }
        });
        return out.append('}').toString();
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Reads one JSON value: a {@code Map<String, Object>}, {@code List<Object>}, {@code String}, number text, boolean or null. */
    static Object read(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.space();
        if (json.at != text.length()) {
            throw json.error("trailing text");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
        if (read(text) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("not a JSON object: " + text);
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("value expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String name = stringValue();
                    space();
                    expect(':');
                    object.put(name, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            case '[' -> {
                at++;
                List<Object> array = new ArrayList<>();
                space();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return array;
            }
            case '"' -> {
                return stringValue();
            }
            default -> {
                int start = at;
                while (at < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                String literal = text.substring(start, at);
                return switch (literal) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "null" -> null;
                    default -> literal;
                };
            }
        }
    }

    private String stringValue() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + at + " in " + text);
    }
}
