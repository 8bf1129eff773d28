package dev.tobira.server.api.model;

import java.util.Locale;

/** The kinds of shape in the service model, named as in botocore's {@code "type"} field. */
enum ShapeType {
    STRUCTURE,
    STRING,
    INTEGER,
    LONG,
    BOOLEAN,
    LIST,
    MAP,
    TIMESTAMP,
    DOUBLE,
    FLOAT,
    BLOB,
    /** A Smithy document: any JSON value, never constrained. */
    DOCUMENT;

    static ShapeType of(String modelName) {
        return valueOf(modelName.toUpperCase(Locale.ROOT));
    }

    /** Whether values of this type carry members of their own (and so get their own paths). */
    boolean isAggregate() {
        return this == STRUCTURE || this == LIST || this == MAP;
    }

    boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DOUBLE || this == FLOAT;
    }
}
