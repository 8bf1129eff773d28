package dev.tobira.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last document read per row id, parsed: a row whose {@code doc} text is what it was last time is not
 * parsed again. The database is still read every time, so the result is exactly as fresh as the row, on every
 * node; only the JSON parsing (most of the cost of a pool or client look-up on each sign-in) is saved.
 *
 * <p>For immutable values only (the stored records are), as one instance is handed to every caller. Safe for
 * concurrent use; holds at most {@value #LIMIT} entries and starts again empty past that.
 */
final class ParsedDocuments<T> {

    private static final int LIMIT = 10_000;

    private final StoreJson json;
    private final Class<T> type;
    private final Map<String, Parsed<T>> byId = new ConcurrentHashMap<>();

    private record Parsed<T>(String doc, T value) {}

    ParsedDocuments(StoreJson json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    /** {@code doc}, the document just read from row {@code id}, as a value. */
    T read(String id, String doc) {
        Parsed<T> last = byId.get(id);
        if (last != null && last.doc().equals(doc)) {
            return last.value();
        }
        T value = json.read(doc, type);
        if (byId.size() >= LIMIT) {
            byId.clear();
        }
        byId.put(id, new Parsed<>(doc, value));
        return value;
    }
}
