package dev.tobira.core.memory;

import dev.tobira.core.GroupStoreContract;

class InMemoryGroupStoreContractTest extends GroupStoreContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = InMemoryStores.create();
        return new Stores(stores.pools(), stores.users(), stores.groups());
    }
}
