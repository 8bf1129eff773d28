package dev.tobira.server.api;

/**
 * Sees every call the {@link Dispatcher} answers, after it is answered (metrics). An observer must be
 * quick and must not throw; the dispatcher logs and ignores it if it does, so the answer stands.
 */
@FunctionalInterface
public interface ApiObserver {

    void observe(ApiCall call);

    /** Sees nothing. */
    ApiObserver NONE = call -> { };
}
