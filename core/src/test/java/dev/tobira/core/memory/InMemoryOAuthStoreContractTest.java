package dev.tobira.core.memory;

import dev.tobira.core.OAuthStoreContract;

class InMemoryOAuthStoreContractTest extends OAuthStoreContract {

    @Override
    protected Stores emptyStores() {
        return new Stores(InMemoryStores.create().pools(), new InMemoryResourceServerStore(),
                new InMemoryUserPoolDomainStore());
    }
}
