package dev.tobira.core.memory;

import dev.tobira.core.CodeStoreContract;
import dev.tobira.core.ServerSecrets;
import dev.tobira.core.code.CodeStore;
import java.util.Random;

class InMemoryCodeStoreContractTest extends CodeStoreContract {

    @Override
    protected CodeStore emptyCodeStore() {
        return new InMemoryCodeStore();
    }

    @Override
    protected ServerSecrets emptySecrets() {
        return new InMemoryServerSecrets(new Random(3));
    }
}
