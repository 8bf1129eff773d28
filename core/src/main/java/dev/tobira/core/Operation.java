package dev.tobira.core;

/**
 * One operation of Cognito's API: a request record in, a response record out. The simple class
 * name of an implementation is the operation's name ({@code X-Amz-Target} suffix). Operations throw
 * {@link CognitoException} for every failure the client should see.
 *
 * @param <I> the request record, shaped like the operation's input (members named as on the wire)
 * @param <O> the response record, shaped like its output
 */
public interface Operation<I extends Record, O extends Record> {

    Class<I> requestType();

    O handle(I request);

    /** The empty output ({@code {}}) of operations that return nothing. */
    record Empty() {}

    /** The operation's name as it appears after {@code AWSCognitoIdentityProviderService.}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
