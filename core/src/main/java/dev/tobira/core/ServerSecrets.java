package dev.tobira.core;

/**
 * Secrets the server makes for itself once and then shares across restarts and nodes, such as the
 * key of the code hashes. Durable; safe for concurrent use: two nodes asking at once get the same value.
 */
public interface ServerSecrets {

    /**
     * The secret called {@code name}, created from {@code length} random bytes on first use.
     */
    byte[] getOrCreate(String name, int length);
}
