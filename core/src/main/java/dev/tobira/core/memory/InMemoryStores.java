package dev.tobira.core.memory;

/** The in-memory stores, wired so that deleting a pool deletes what belongs to it, and a user its memberships. */
public record InMemoryStores(InMemoryUserPoolStore pools, InMemoryUserPoolClientStore clients,
        InMemoryUserStore users, InMemoryGroupStore groups) {

    public static InMemoryStores create() {
        InMemoryUserPoolClientStore clients = new InMemoryUserPoolClientStore();
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryGroupStore groups = new InMemoryGroupStore(users);
        users.onDelete(groups::userDeleted);
        return new InMemoryStores(new InMemoryUserPoolStore(clients, users, groups::deleteAll), clients, users, groups);
    }
}
