package dev.tobira.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkey ceremonies' JSON between the browser and the SDK: {@code CredentialCreationOptions} and
 * the credential a browser makes are JSON documents on the wire, which the SDK models as
 * {@link Document}s; the browser's script reads and writes them as JSON text.
 */
public final class PasskeyJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PasskeyJson() {}

    /** {@code document} as JSON text. */
    public static String json(Document document) {
        return JSON.writeValueAsString(plain(document));
    }

    /**
     * JSON text as a Document.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public static Document document(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return document(node);
    }

    /** The SDK's Document as plain Java values (maps, lists, strings, numbers, booleans, null). */
    public static Object plain(Document document) {
        if (document.isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            document.asMap().forEach((key, value) -> out.put(key, plain(value)));
            return out;
        }
        if (document.isList()) {
            List<Object> out = new ArrayList<>();
            document.asList().forEach(value -> out.add(plain(value)));
            return out;
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isNumber()) {
            return document.asNumber().bigDecimalValue();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        return null;
    }

    private static Document document(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), document(e.getValue())));
            return Document.fromMap(out);
        }
        if (node.isArray()) {
            List<Document> out = new ArrayList<>();
            node.values().forEach(value -> out.add(document(value)));
            return Document.fromList(out);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isNull()) {
            return Document.fromNull();
        }
        return Document.fromString(node.asString());
    }
}
