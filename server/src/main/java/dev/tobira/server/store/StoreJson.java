package dev.tobira.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON that records are stored as in {@code doc} columns. This is a storage format, independent of
 * the wire format: the names are the record components' names, times are ISO-8601 instants with all
 * the precision they have (so milliseconds always survive), absent values ({@code null}, empty
 * {@link java.util.Optional}) are left out and read back as absent.
 *
 * <p>Properties that this version does not know are ignored when reading, so that during a rolling
 * upgrade an older node can still read a document a newer node wrote.
 */
public final class StoreJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code value} as a JSON document. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The {@code type} that {@link #write} turned into {@code json}. */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " document cannot be read", e);
        }
    }
}
