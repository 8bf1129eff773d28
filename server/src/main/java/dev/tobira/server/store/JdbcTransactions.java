package dev.tobira.server.store;

import dev.tobira.core.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions over the stores' DataSource. The stores' own writes use the same transaction manager
 * with the default propagation, so inside {@link #inTransaction} they join this transaction, and so
 * does any JDBC write on the same DataSource, such as the message outbox.
 */
public final class JdbcTransactions implements Transactions {

    private final TransactionTemplate tx;

    JdbcTransactions(TransactionTemplate tx) {
        this.tx = tx;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
