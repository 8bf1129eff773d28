package dev.tobira.core.memory;

/** The three in-memory stores, wired so that deleting a pool deletes what belongs to it. */
public record InMemoryStores(InMemoryUserPoolStore pools, InMemoryUserPoolClientStore clients,
        InMemoryUserStore users) {

    public static InMemoryStores create() {
        InMemoryUserPoolClientStore clients = new InMemoryUserPoolClientStore();
        InMemoryUserStore users = new InMemoryUserStore();
        return new InMemoryStores(new InMemoryUserPoolStore(clients, users), clients, users);
    }
}
