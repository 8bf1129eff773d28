package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.util.Map;
import java.util.Set;

/** Chooses the transport by the message's channel. */
public final class RoutingTransport implements Transport {

    private final Map<Channel, Transport> byChannel;

    public RoutingTransport(Map<Channel, Transport> byChannel) {
        this.byChannel = Map.copyOf(byChannel);
    }

    /** The channels that have a transport; {@link JdbcOutbox} refuses messages for the others. */
    public Set<Channel> channels() {
        return Set.copyOf(byChannel.keySet());
    }

    /**
     * @throws IllegalStateException when no transport serves the message's channel, which happens only
     *     to a message enqueued while the server was configured otherwise; it waits, with backoff, for a
     *     server that can deliver it
     */
    @Override
    public void deliver(Message message) throws Exception {
        Transport transport = byChannel.get(message.channel());
        if (transport == null) {
            throw new IllegalStateException("No transport is configured for " + message.channel());
        }
        transport.deliver(message);
    }

    @Override
    public void close() {
        byChannel.values().stream().distinct().forEach(Transport::close);
    }

    /** For the start-up log: "email by SMTP smtp.example.com:587 (starttls); SMS: none, refused". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Channel channel : Channel.values()) {
            String name = channel == Channel.SMS ? "SMS" : "email";
            Transport transport = byChannel.get(channel);
            text.append(text.isEmpty() ? "" : "; ")
                    .append(transport == null ? name + ": none, refused" : name + " by " + transport);
        }
        return text.toString();
    }
}
