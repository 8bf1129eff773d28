package dev.tobira.core.memory;

import dev.tobira.core.WebAuthnStoreContract;

class InMemoryWebAuthnStoreContractTest extends WebAuthnStoreContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = InMemoryStores.create();
        return new Stores(stores.pools(), stores.users(), new InMemoryWebAuthnStore());
    }
}
