package dev.tobira.server.store;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dev-mode outbox: every message is kept in {@code dev_outbox} instead of being delivered, for
 * {@code GET /_tobira/outbox}. It survives restarts with the rest of the dev database and is shared
 * by every node on that database.
 */
public final class JdbcDevOutbox implements MessageSender {

    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private final JdbcClient jdbc;

    public JdbcDevOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code message}; it is accepted once the row is committed (one auto-committed INSERT). */
    @Override
    public void send(Message message) {
        jdbc.sql("""
                        INSERT INTO dev_outbox (channel, recipient, subject, body, created_at)
                        VALUES (:channel, :recipient, :subject, :body, :createdAt)""")
                .param("channel", message.channel().name())
                .param("recipient", message.to())
                .param("subject", message.subject(), Types.VARCHAR)
                .param("body", message.body())
                .param("createdAt", message.createdAt().toEpochMilli())
                .update();
    }

    /** The messages sent to exactly {@code recipient}, newest first (by creation time, then by arrival). */
    public List<Message> messagesTo(String recipient) {
        return jdbc.sql("SELECT channel, recipient, subject, body, created_at FROM dev_outbox"
                        + " WHERE recipient = :recipient" + NEWEST_FIRST)
                .param("recipient", recipient)
                .query(JdbcDevOutbox::message)
                .list();
    }

    /** Every message, newest first. */
    public List<Message> all() {
        return jdbc.sql("SELECT channel, recipient, subject, body, created_at FROM dev_outbox" + NEWEST_FIRST)
                .query(JdbcDevOutbox::message)
                .list();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(Message.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
