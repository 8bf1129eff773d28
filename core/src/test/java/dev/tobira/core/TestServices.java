package dev.tobira.core;

import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.memory.InMemoryAuthSessionStore;
import dev.tobira.core.memory.InMemoryCodeStore;
import dev.tobira.core.memory.InMemoryLockoutStore;
import dev.tobira.core.memory.InMemoryResourceServerStore;
import dev.tobira.core.memory.InMemoryUserPoolDomainStore;
import dev.tobira.core.memory.InMemorySigningKeys;
import dev.tobira.core.memory.InMemoryStores;
import dev.tobira.core.memory.InMemoryTokenStore;
import dev.tobira.core.token.TokenIssuer;
import java.security.SecureRandom;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import dev.tobira.core.trigger.TriggerInvoker;
import java.util.List;
import java.util.Random;

/** {@link Services} over in-memory stores, with a clock the test moves and a record of sent messages. */
public final class TestServices {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T08:04:05Z"));
    public final List<Message> sent = new ArrayList<>();
    public final Services services;

    public TestServices(Limits limits) {
        this(limits, TriggerInvoker.NONE);
    }

    /** Services whose Lambda triggers run through {@code triggers}. */
    public TestServices(Limits limits, TriggerInvoker triggers) {
        InMemoryStores stores = InMemoryStores.create();
        MessageSender recorder = sent::add;
        InMemorySigningKeys keys = new InMemorySigningKeys(clock, new SecureRandom());
        services = new Services(stores.pools(), stores.clients(), stores.users(), new InMemoryCodeStore(),
                new InMemoryAuthSessionStore(), new InMemoryLockoutStore(), new InMemoryTokenStore(),
                new TokenIssuer(keys, clock, "http://localhost:9229", new Random(13)), keys, recorder, Transactions.direct(), new CodeHasher(new byte[32]), limits,
                clock, new Random(11), "us-east-1", "000000000000", triggers, stores.groups(),
                new InMemoryResourceServerStore(), new InMemoryUserPoolDomainStore(),
                new dev.tobira.core.memory.InMemoryWebAuthnStore(),
                new dev.tobira.core.memory.InMemoryAuthorizationCodeStore());
    }

    public TestServices() {
        this(Limits.DEFAULT);
    }

    /** A clock that stands still until told to move. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
