package dev.tobira.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Fixtures;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.trigger.AuthChallengeTriggers.Context;
import dev.tobira.core.trigger.EmailOtpTriggers.CodeEmail;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract run against {@link EmailOtpTriggers} as Tobira builds it for a pool. */
class EmailOtpTriggersTest extends EmailOtpTriggersContract {

    /** A pool with no sign-in code message of its own, so the default words are sent. */
    private static final UserPool PLAIN_POOL = Fixtures.pool(POOL, T0).withMfa("OFF", null, T0);

    @Override
    protected AuthChallengeTriggers triggers(Fixture f) {
        return new EmailOtpTriggers(f.settings(), f.hasher(), f.sender(), CodeEmail.forPool(PLAIN_POOL), f.clock(),
                f.random());
    }

    @Test
    void createWhenPoolHasItsOwnCodeMessageThenThatMessageIsSent() {
        UserPool pool = Fixtures.pool(POOL, T0);
        List<Message> sent = new ArrayList<>();
        EmailOtpTriggers triggers = new EmailOtpTriggers(EmailOtpSettings.DEFAULT, new CodeHasher(CODE_KEY), sent::add,
                CodeEmail.forPool(pool), Clock.fixed(T0, ZoneOffset.UTC), new Random(1));

        triggers.create(new Context(POOL, CLIENT, USER, Map.of("email", EMAIL), false, Map.of()), "CUSTOM_CHALLENGE",
                List.of(new ChallengeResult("SRP_A", true, null), new ChallengeResult("PASSWORD_VERIFIER", true, null)));

        assertThat(pool.emailMfaConfiguration().message()).isEqualTo("Code {####}");
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(pool.emailMfaConfiguration().subject());
            assertThat(m.body()).isEqualTo("Code " + CodeHasher.newCode(6, new Random(1)));
        });
    }
}
