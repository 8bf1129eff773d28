package dev.tobira.core.memory;

import dev.tobira.core.ServerSecrets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/** Server secrets in memory, drawn from the given random source; for tests. */
public final class InMemoryServerSecrets implements ServerSecrets {

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final RandomGenerator random;

    public InMemoryServerSecrets(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public byte[] getOrCreate(String name, int length) {
        return secrets.computeIfAbsent(name, n -> {
            byte[] value = new byte[length];
            random.nextBytes(value);
            return value;
        }).clone();
    }
}
