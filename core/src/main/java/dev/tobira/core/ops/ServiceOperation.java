package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** An operation that works through the {@link Services} ports: the common plumbing of every operation here. */
abstract class ServiceOperation<I extends Record, O extends Record> implements Operation<I, O> {

    protected final Services services;
    private final Class<I> requestType;

    protected ServiceOperation(Services services, Class<I> requestType) {
        this.services = services;
        this.requestType = requestType;
    }

    @Override
    public final Class<I> requestType() {
        return requestType;
    }
}
