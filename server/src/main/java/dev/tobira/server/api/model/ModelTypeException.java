package dev.tobira.server.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The request body does not deserialize into the operation's input shape: a value of the wrong
 * JSON type, such as a number where the model wants a string. Cognito rejects such a request
 * before it checks any constraint, with {@code SerializationException} rather than
 * {@code InvalidParameterException}; see {@link TypeCheck} for the messages and the evidence.
 *
 * <p>Some of these answers carry no message at all (AWS sends only the {@code __type}), hence
 * {@link #awsMessage()} is optional.
 */
public final class ModelTypeException extends Exception {

    /** The {@code __type} of every deserialization failure. */
    public static final String SERIALIZATION_EXCEPTION = "SerializationException";

    private final String type;
    private final String awsMessage;

    /**
     * @param type       the {@code __type} to answer with
     * @param awsMessage the message AWS gives, or {@code null} when AWS gives none
     */
    public ModelTypeException(String type, String awsMessage) {
        super(awsMessage == null ? type : type + ": " + awsMessage);
        this.type = Objects.requireNonNull(type, "type");
        this.awsMessage = awsMessage;
    }

    static ModelTypeException serialization(String awsMessage) {
        return new ModelTypeException(SERIALIZATION_EXCEPTION, awsMessage);
    }

    /** The {@code __type} to answer with; always {@value #SERIALIZATION_EXCEPTION} today. */
    public String type() {
        return type;
    }

    /** The message AWS gives for this failure, if it gives one. */
    public Optional<String> awsMessage() {
        return Optional.ofNullable(awsMessage);
    }
}
