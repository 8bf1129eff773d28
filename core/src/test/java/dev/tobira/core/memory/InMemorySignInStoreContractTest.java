package dev.tobira.core.memory;

import dev.tobira.core.SignInStoreContract;
import dev.tobira.core.ServerSecrets;
import dev.tobira.core.code.CodeStore;
import java.util.Random;

class InMemorySignInStoreContractTest extends SignInStoreContract {

    @Override
    protected CodeStore emptyCodeStore() {
        return new InMemoryCodeStore();
    }

    @Override
    protected dev.tobira.core.session.AuthSessionStore emptySessionStore() {
        return new InMemoryAuthSessionStore();
    }

    @Override
    protected dev.tobira.core.signin.LockoutStore emptyLockouts() {
        return new InMemoryLockoutStore();
    }

    @Override
    protected dev.tobira.core.signin.TokenStore emptyTokens() {
        return new InMemoryTokenStore();
    }

    @Override
    protected ServerSecrets emptySecrets() {
        return new InMemoryServerSecrets(new Random(3));
    }
}
