package dev.tobira.core.memory;

import dev.tobira.core.StoreContract;

class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = InMemoryStores.create();
        return new Stores(stores.pools(), stores.clients(), stores.users());
    }
}
