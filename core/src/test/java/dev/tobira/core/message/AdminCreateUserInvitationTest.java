package dev.tobira.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Fixtures;
import dev.tobira.core.TestServices;
import dev.tobira.core.ops.AdminCreateUser;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdminCreateUser's invitation comes from {@link MessageTemplates}, in the user's language. */
class AdminCreateUserInvitationTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private final TestServices t = new TestServices();
    private final List<Message> sent = t.sent;

    private AdminCreateUser operation(UserPool pool) {
        t.services.pools().create(pool);
        return new AdminCreateUser(t.services);
    }

    private static AdminCreateUser.Request invite(String email, List<Attribute> attributes) {
        return new AdminCreateUser.Request("us-east-1_abc", email, attributes, List.of(), "Temp-Passw0rd!", null,
                null, List.of("EMAIL"), Map.of());
    }

    private static UserPool poolTagged(Map<String, String> tags) {
        UserPool p = Fixtures.pool("us-east-1_abc", NOW);
        return new UserPool(p.id(), p.name(), p.arn(), p.policies(), p.deletionProtection(), p.lambdaConfig(),
                p.status(), p.lastModifiedDate(), p.creationDate(), p.schemaAttributes(), p.autoVerifiedAttributes(),
                p.aliasAttributes(), p.usernameAttributes(), p.smsVerificationMessage(), p.emailVerificationMessage(),
                p.emailVerificationSubject(), p.verificationMessageTemplate(), p.smsAuthenticationMessage(),
                p.userAttributeUpdateSettings(), p.mfaConfiguration(), p.deviceConfiguration(), p.emailConfiguration(),
                p.smsConfiguration(), tags, p.adminCreateUserConfig(), p.userPoolAddOns(), p.usernameConfiguration(),
                p.accountRecoverySetting(), p.userPoolTier(), p.emailMfaConfiguration(), null, p.estimatedNumberOfUsers());
    }

    @Test
    void adminCreateUserWhenNoLanguageSetThenCognitosEnglishInvitation() {
        operation(Fixtures.pool("us-east-1_abc", NOW)).handle(invite("ken@example.com", List.of()));

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Message.Channel.EMAIL);
            assertThat(m.to()).isEqualTo("ken@example.com");
            assertThat(m.subject()).isEqualTo("Your temporary password");
            assertThat(m.body())
                    .isEqualTo("Your username is ken@example.com and temporary password is Temp-Passw0rd!.");
            assertThat(m.html()).contains("lang=\"en\"");
            assertThat(m.createdAt()).isEqualTo(t.clock.instant());
        });
    }

    @Test
    void adminCreateUserWhenLocaleAttributeIsJapaneseThenJapaneseInvitation() {
        operation(poolTagged(Map.of("tobira:language", "en")))
                .handle(invite("ken@example.com", List.of(new Attribute("locale", "ja-JP"))));

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("仮パスワードのお知らせ");
            assertThat(m.body()).isEqualTo("ユーザー名は ken@example.com、仮パスワードは Temp-Passw0rd! です。");
        });
    }

    @Test
    void adminCreateUserWhenPoolTaggedJapaneseThenJapaneseInvitation() {
        operation(poolTagged(Map.of("tobira:language", "ja"))).handle(invite("ken@example.com", List.of()));

        assertThat(sent).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("仮パスワードのお知らせ"));
    }
}
