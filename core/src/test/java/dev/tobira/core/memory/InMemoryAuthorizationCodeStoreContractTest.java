package dev.tobira.core.memory;

import dev.tobira.core.AuthorizationCodeStoreContract;
import dev.tobira.core.oauth.AuthorizationCodeStore;

class InMemoryAuthorizationCodeStoreContractTest extends AuthorizationCodeStoreContract {

    private InMemoryAuthorizationCodeStore store;

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = InMemoryStores.create();
        store = new InMemoryAuthorizationCodeStore();
        return new Stores(stores.pools(), stores.users(), new InMemoryTokenStore(), store);
    }

    /** One process's memory is the only "node" there is: the same store. */
    @Override
    protected AuthorizationCodeStore secondNode() {
        return store;
    }
}
