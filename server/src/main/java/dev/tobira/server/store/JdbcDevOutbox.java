package dev.tobira.server.store;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dev-mode outbox: every message is kept in {@code dev_outbox} instead of being delivered, for
 * {@code GET /_tobira/outbox} and LocalStack's {@code /_aws/ses} and {@code /_aws/sns/sms-messages}. It
 * survives restarts with the rest of the dev database and is shared by every node on that database.
 */
public final class JdbcDevOutbox implements MessageSender {

    private static final String COLUMNS = "SELECT channel, recipient, subject, body, html, created_at, sender, message_id"
            + " FROM dev_outbox";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";
    private static final String OLDEST_FIRST = " ORDER BY created_at, id";

    private final JdbcClient jdbc;

    public JdbcDevOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps {@code message}; it is accepted once the row is committed (one auto-committed INSERT). A
     * message without a message id (one of Tobira's own) is given a random one, so that LocalStack's
     * endpoints can name it.
     */
    @Override
    public void send(Message message) {
        jdbc.sql("""
                        INSERT INTO dev_outbox (channel, recipient, subject, body, html, created_at, sender, message_id)
                        VALUES (:channel, :recipient, :subject, :body, :html, :createdAt, :sender, :messageId)""")
                .param("channel", message.channel().name())
                .param("recipient", message.to())
                .param("subject", message.subject(), Types.VARCHAR)
                .param("body", message.body())
                .param("html", message.html() == null ? "" : message.html())
                .param("createdAt", message.createdAt().toEpochMilli())
                .param("sender", message.from())
                .param("messageId", message.messageId().isEmpty() ? UUID.randomUUID().toString() : message.messageId())
                .update();
    }

    /** The messages sent to exactly {@code recipient}, newest first (by creation time, then by arrival). */
    public List<Message> messagesTo(String recipient) {
        return jdbc.sql(COLUMNS + " WHERE recipient = :recipient" + NEWEST_FIRST)
                .param("recipient", recipient)
                .query(JdbcDevOutbox::message)
                .list();
    }

    /** Every message, newest first. */
    public List<Message> all() {
        return jdbc.sql(COLUMNS + NEWEST_FIRST).query(JdbcDevOutbox::message).list();
    }

    /**
     * The emails, oldest first: all, or those with message id {@code id}, or those sent to {@code address}
     * or from it (the sender as given, or its {@code <address>} part), or both filters.
     */
    public List<Message> emails(Optional<String> address, Optional<String> id) {
        Map<String, Object> params = new HashMap<>();
        id.ifPresent(v -> params.put("id", v));
        address.ifPresent(v -> {
            params.put("address", v);
            params.put("angled", "%<" + escapeLike(v) + ">");
        });
        return jdbc.sql(COLUMNS + " WHERE channel = 'EMAIL'"
                        + (id.isPresent() ? " AND message_id = :id" : "")
                        + (address.isPresent() ? " AND (recipient = :address OR sender = :address OR sender LIKE :angled)"
                                : "")
                        + OLDEST_FIRST)
                .params(params)
                .query(JdbcDevOutbox::message)
                .list();
    }

    /** The SMS messages, oldest first: all, or those sent to {@code phoneNumber}. */
    public List<Message> smsMessages(Optional<String> phoneNumber) {
        Map<String, Object> params = new HashMap<>();
        phoneNumber.ifPresent(v -> params.put("to", v));
        return jdbc.sql(COLUMNS + " WHERE channel = 'SMS'" + (phoneNumber.isPresent() ? " AND recipient = :to" : "")
                        + OLDEST_FIRST)
                .params(params)
                .query(JdbcDevOutbox::message)
                .list();
    }

    /** Forgets the emails: all, or those with message id {@code id}; returns how many rows went. */
    public int deleteEmails(Optional<String> id) {
        return delete("EMAIL", id.map(v -> " AND message_id = :value"), id);
    }

    /** Forgets the SMS messages: all, or those sent to {@code phoneNumber}; returns how many went. */
    public int deleteSmsMessages(Optional<String> phoneNumber) {
        return delete("SMS", phoneNumber.map(v -> " AND recipient = :value"), phoneNumber);
    }

    private int delete(String channel, Optional<String> condition, Optional<String> value) {
        var statement = jdbc.sql("DELETE FROM dev_outbox WHERE channel = :channel" + condition.orElse(""))
                .param("channel", channel);
        if (value.isPresent()) {
            statement = statement.param("value", value.get());
        }
        return statement.update();
    }

    /** {@code LIKE}'s wildcards taken literally (H2 and PostgreSQL both escape with a backslash by default). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(Message.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("html"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("sender"), rs.getString("message_id"));
    }
}
