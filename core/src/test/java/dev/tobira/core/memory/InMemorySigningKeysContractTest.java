package dev.tobira.core.memory;

import dev.tobira.core.SigningKeysContract;
import dev.tobira.core.token.SigningKeys;
import java.security.SecureRandom;
import java.time.Clock;

class InMemorySigningKeysContractTest extends SigningKeysContract {

    @Override
    protected SigningKeys emptySigningKeys(Clock clock) {
        return new InMemorySigningKeys(clock, new SecureRandom());
    }
}
