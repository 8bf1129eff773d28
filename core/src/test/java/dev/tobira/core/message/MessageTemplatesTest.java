package dev.tobira.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Fixtures;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.AdminCreateUserConfig;
import dev.tobira.core.pool.UserPool.MessageTemplate;
import dev.tobira.core.pool.UserPool.VerificationMessageTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplatesTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final UserPool POOL = Fixtures.pool("us-east-1_abc", NOW);
    /** The fixture pool with no custom messages at all. */
    private static final UserPool PLAIN = copy(POOL, null, null, null, null, Map.of(), null).withMfa("OFF", null, NOW);

    private static UserPool copy(UserPool p, VerificationMessageTemplate template, String smsVerificationMessage,
            String emailVerificationMessage, String emailVerificationSubject, Map<String, String> tags,
            MessageTemplate invite) {
        return new UserPool(p.id(), p.name(), p.arn(), p.policies(), p.deletionProtection(), p.lambdaConfig(),
                p.status(), p.lastModifiedDate(), p.creationDate(), p.schemaAttributes(), p.autoVerifiedAttributes(),
                p.aliasAttributes(), p.usernameAttributes(), smsVerificationMessage, emailVerificationMessage,
                emailVerificationSubject, template, p.smsAuthenticationMessage(), p.userAttributeUpdateSettings(),
                p.mfaConfiguration(), p.deviceConfiguration(), p.emailConfiguration(), p.smsConfiguration(), tags,
                new AdminCreateUserConfig(false, 7, invite), p.userPoolAddOns(), p.usernameConfiguration(),
                p.accountRecoverySetting(), p.userPoolTier(), p.emailMfaConfiguration(), null, p.estimatedNumberOfUsers());
    }

    private static UserPool withVerificationTemplate(String sms, String email, String subject) {
        return copy(PLAIN, new VerificationMessageTemplate(sms, email, subject, null, null, "CONFIRM_WITH_CODE"),
                null, null, null, Map.of(), null);
    }

    private static UserPool withTags(Map<String, String> tags) {
        return copy(PLAIN, null, null, null, null, tags, null);
    }

    private static UserPool withInvite(String sms, String email, String subject) {
        return copy(PLAIN, null, null, null, null, Map.of(), new MessageTemplate(sms, email, subject));
    }

    @ParameterizedTest(name = "locale {0}, tag {1} → {2}")
    @DisplayName("The user's locale attribute first, then the pool tag tobira:language, then English")
    @CsvSource(nullValues = "-", value = {
            "ja,    -,  ja",
            "ja-JP, -,  ja",
            "ja_JP, en, ja",
            "JA-jp, en, ja",
            "en,    ja, en",
            "en-GB, ja, en",
            "fr-FR, ja, ja",
            "fr-FR, -,  en",
            "jav,   -,  en",
            "-,     ja, ja",
            "-,     ja-JP, ja",
            "-,     en, en",
            "-,     de, en",
            "-,     -,  en",
            "'',    ja, ja"})
    void languageWhenLocaleAndPoolTagThenFirstSupportedOne(String locale, String tag, String expected) {
        UserPool pool = withTags(tag == null ? Map.of("team", "auth") : Map.of("tobira:language", tag));
        assertThat(MessageTemplates.language(pool, Optional.ofNullable(locale))).isEqualTo(expected);
    }

    @Test
    @DisplayName("Cognito sends a custom EmailMessage as HTML; the text part is its plain-text rendering")
    void verificationCodeWhenCustomEmailTemplateThenHtmlIsTheTemplateAndBodyItsText() {
        UserPool pool = withVerificationTemplate(null,
                "<p>Hello,</p>\n  <p>Your code is <b>{####}</b>.</p>Thanks &amp; bye", "Welcome to Acme");

        Message m = MessageTemplates.verificationCode(pool, "ja", Channel.EMAIL, "alice@example.com", "123456",
                NOW);

        assertThat(m.channel()).isEqualTo(Channel.EMAIL);
        assertThat(m.to()).isEqualTo("alice@example.com");
        assertThat(m.subject()).isEqualTo("Welcome to Acme");
        assertThat(m.html()).isEqualTo("<p>Hello,</p>\n  <p>Your code is <b>123456</b>.</p>Thanks &amp; bye");
        assertThat(m.body()).isEqualTo("Hello,\n\nYour code is 123456.\n\nThanks & bye");
        assertThat(m.createdAt()).isEqualTo(NOW);
    }

    @Test
    void verificationCodeWhenOnlyTheLegacyMessageIsSetThenItIsUsed() {
        UserPool pool = copy(PLAIN, null, "SMS code {####}", "Legacy code {####}", "Legacy subject", Map.of(),
                null);

        Message email = MessageTemplates.verificationCode(pool, "en", Channel.EMAIL, "a@example.com", "123456",
                NOW);
        Message sms = MessageTemplates.verificationCode(pool, "en", Channel.SMS, "+15555550100", "123456", NOW);

        assertThat(email.subject()).isEqualTo("Legacy subject");
        assertThat(email.html()).isEqualTo("Legacy code 123456");
        assertThat(email.body()).isEqualTo("Legacy code 123456");
        assertThat(sms.body()).isEqualTo("SMS code 123456");
    }

    @Test
    void verificationCodeWhenCustomSmsMessageThenFilledInAsItIs() {
        UserPool pool = withVerificationTemplate("Acme: <{####}> & more", null, null);

        Message m = MessageTemplates.verificationCode(pool, "en", Channel.SMS, "+15555550100", "654321", NOW);

        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.to()).isEqualTo("+15555550100");
        assertThat(m.subject()).isEmpty();
        assertThat(m.html()).isEmpty();
        assertThat(m.body()).isEqualTo("Acme: <654321> & more");
    }

    @Test
    void verificationCodeWhenCustomMessageButNoSubjectThenDefaultSubjectInTheLanguage() {
        UserPool pool = withVerificationTemplate(null, "Code {####}", null);

        assertThat(MessageTemplates.verificationCode(pool, "en", Channel.EMAIL, "a@example.com", "1", NOW)
                .subject()).isEqualTo("Your verification code");
        assertThat(MessageTemplates.verificationCode(pool, "ja", Channel.EMAIL, "a@example.com", "1", NOW)
                .subject()).isEqualTo("確認コードのお知らせ");
    }

    @Test
    void verificationCodeWhenCustomSubjectOnlyThenDefaultBodyWithThatSubject() {
        UserPool pool = withVerificationTemplate(null, null, "Acme code");

        Message m = MessageTemplates.verificationCode(pool, "en", Channel.EMAIL, "a@example.com", "123456", NOW);

        assertThat(m.subject()).isEqualTo("Acme code");
        assertThat(m.body()).startsWith("Your verification code is 123456.");
    }

    @Test
    @DisplayName("Sign-up codes are valid for 24 hours (spec §5.2), and the default says so")
    void verificationCodeWhenDefaultEnglishEmailThenCodeAndTwentyFourHours() {
        Message m = MessageTemplates.verificationCode(PLAIN, "en", Channel.EMAIL, "a@example.com", "123456", NOW);

        assertThat(m.subject()).isEqualTo("Your verification code");
        assertThat(m.body()).isEqualTo("Your verification code is 123456.\n\n"
                + "It is valid for 24 hours. If you did not request it, you can ignore this email.");
        assertHtmlDocument(m.html(), "en");
        assertThat(m.html()).contains(">123456</p>", "It is valid for 24 hours.");
    }

    @Test
    void verificationCodeWhenDefaultJapaneseEmailThenCodeAndTwentyFourHours() {
        Message m = MessageTemplates.verificationCode(PLAIN, "ja", Channel.EMAIL, "a@example.com", "123456", NOW);

        assertThat(m.subject()).isEqualTo("確認コードのお知らせ");
        assertThat(m.body()).isEqualTo("確認コードは 123456 です。\n\n"
                + "このコードの有効期限は24時間です。お心当たりのない場合は、このメールを破棄してください。");
        assertHtmlDocument(m.html(), "ja");
        assertThat(m.html()).contains(">123456</p>", "このコードの有効期限は24時間です。");
    }

    @Test
    void verificationCodeWhenOtherValidityThenStatedInWords() {
        Message en = MessageTemplates.verificationCode(PLAIN, "en", Channel.EMAIL, "a@example.com", "123456",
                Duration.ofMinutes(3), NOW);
        Message ja = MessageTemplates.verificationCode(PLAIN, "ja", Channel.SMS, "+15555550100", "123456",
                Duration.ofMinutes(3), NOW);

        assertThat(en.body()).contains("It is valid for 3 minutes.");
        assertThat(en.html()).contains("It is valid for 3 minutes.");
        assertThat(ja.body()).contains("有効期限は3分です。");
    }

    @Test
    @DisplayName("The default SMS texts fit in one segment: 160 GSM characters, or 70 in UCS-2 for Japanese")
    void verificationCodeWhenDefaultSmsThenOneSegmentWithTheCode() {
        Message en = MessageTemplates.verificationCode(PLAIN, "en", Channel.SMS, "+15555550100", "123456", NOW);
        Message ja = MessageTemplates.verificationCode(PLAIN, "ja", Channel.SMS, "+819012345678", "123456", NOW);

        assertThat(en.body()).isEqualTo("Your verification code is 123456. It is valid for 24 hours.");
        assertThat(ja.body()).isEqualTo("確認コードは 123456 です。有効期限は24時間です。");
        assertThat(en.body()).hasSizeLessThanOrEqualTo(160);
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(en.body())).isTrue();
        assertThat(ja.body()).hasSizeLessThanOrEqualTo(70);
        assertThat(en.subject()).isEmpty();
        assertThat(en.html()).isEmpty();
    }

    @Test
    @DisplayName("Cognito's default invitation: \"Your username is {username} and temporary password is {####}.\"")
    void invitationWhenDefaultEnglishThenCognitosExactText() {
        Message email = MessageTemplates.invitation(PLAIN, "en", Channel.EMAIL, "bob@example.com", "bob",
                "Temp-Passw0rd!", NOW);
        Message sms = MessageTemplates.invitation(PLAIN, "en", Channel.SMS, "+15555550100", "bob",
                "Temp-Passw0rd!", NOW);

        assertThat(email.subject()).isEqualTo("Your temporary password");
        assertThat(email.body()).isEqualTo("Your username is bob and temporary password is Temp-Passw0rd!.");
        assertHtmlDocument(email.html(), "en");
        assertThat(MessageTemplates.plainText(email.html()))
                .isEqualTo("Your username is bob and temporary password is Temp-Passw0rd!.");
        assertThat(sms.body()).isEqualTo("Your username is bob and temporary password is Temp-Passw0rd!.");
        assertThat(sms.html()).isEmpty();
    }

    @Test
    void invitationWhenDefaultJapaneseThenJapaneseText() {
        Message email = MessageTemplates.invitation(PLAIN, "ja", Channel.EMAIL, "bob@example.com", "bob",
                "Temp-Passw0rd!", NOW);
        Message sms = MessageTemplates.invitation(PLAIN, "ja", Channel.SMS, "+819012345678", "bob",
                "Temp-Passw0rd!", NOW);

        assertThat(email.subject()).isEqualTo("仮パスワードのお知らせ");
        assertThat(email.body()).isEqualTo("ユーザー名は bob、仮パスワードは Temp-Passw0rd! です。");
        assertHtmlDocument(email.html(), "ja");
        assertThat(sms.body()).isEqualTo("ユーザー名は bob、仮パスワードは Temp-Passw0rd! です。");
    }

    @Test
    void invitationWhenCustomTemplatesThenUsernameAndPasswordFilledIn() {
        UserPool pool = withInvite("Hi {username}, use {####}", "<p>Hi {username},<br>use {####}</p>",
                "Welcome aboard");

        Message email = MessageTemplates.invitation(pool, "ja", Channel.EMAIL, "bob@example.com", "bob",
                "Temp-Passw0rd!", NOW);
        Message sms = MessageTemplates.invitation(pool, "ja", Channel.SMS, "+15555550100", "bob",
                "Temp-Passw0rd!", NOW);

        assertThat(email.subject()).isEqualTo("Welcome aboard");
        assertThat(email.html()).isEqualTo("<p>Hi bob,<br>use Temp-Passw0rd!</p>");
        assertThat(email.body()).isEqualTo("Hi bob,\nuse Temp-Passw0rd!");
        assertThat(sms.body()).isEqualTo("Hi bob, use Temp-Passw0rd!");
    }

    @Test
    @DisplayName("A migrated user's welcome message names them and carries no password, in the default words")
    void welcomeWhenDefaultThenUsernameOnly() {
        Message email = MessageTemplates.welcome(PLAIN, "en", Channel.EMAIL, "bob@example.com", "bob", NOW);
        Message sms = MessageTemplates.welcome(PLAIN, "ja", Channel.SMS, "+819012345678", "bob", NOW);

        assertThat(email.subject()).isEqualTo("Welcome");
        assertThat(email.body()).isEqualTo("Welcome. Your username is bob.");
        assertHtmlDocument(email.html(), "en");
        assertThat(sms.body()).isEqualTo("ようこそ。ユーザー名は bob です。");
    }

    @Test
    @DisplayName("The pool's invitation template makes the welcome message, its {####} left empty")
    void welcomeWhenCustomInvitationThenCodePlaceholderEmpty() {
        UserPool pool = withInvite("Hi {username}.{####}", "<p>Hi {username}.</p>{####}", "Welcome aboard");

        Message email = MessageTemplates.welcome(pool, "en", Channel.EMAIL, "bob@example.com", "bob", NOW);
        Message sms = MessageTemplates.welcome(pool, "en", Channel.SMS, "+15555550100", "bob", NOW);

        assertThat(email.subject()).isEqualTo("Welcome aboard");
        assertThat(email.html()).isEqualTo("<p>Hi bob.</p>");
        assertThat(sms.body()).isEqualTo("Hi bob.");
    }

    @Test
    @DisplayName("Values are HTML-escaped in the HTML part and kept as typed in the text part")
    void invitationWhenValuesLookLikeMarkupThenEscapedInHtmlOnly() {
        UserPool pool = withInvite(null, "<p>User {username}, password {####}</p>", null);
        String username = "<b>bob</b>";
        String password = "a&b\"c'd<e>f";

        Message custom = MessageTemplates.invitation(pool, "en", Channel.EMAIL, "bob@example.com", username,
                password, NOW);
        Message fallback = MessageTemplates.invitation(PLAIN, "en", Channel.EMAIL, "bob@example.com", username,
                password, NOW);

        assertThat(custom.html()).isEqualTo(
                "<p>User &lt;b&gt;bob&lt;/b&gt;, password a&amp;b&quot;c&#39;d&lt;e&gt;f</p>");
        assertThat(custom.body()).isEqualTo("User <b>bob</b>, password a&b\"c'd<e>f");
        assertThat(fallback.html()).contains("&lt;b&gt;bob&lt;/b&gt;", "a&amp;b&quot;c&#39;d&lt;e&gt;f")
                .doesNotContain(username, password);
        assertThat(fallback.body())
                .isEqualTo("Your username is <b>bob</b> and temporary password is a&b\"c'd<e>f.");
    }

    @Test
    void invitationWhenAValueContainsAPlaceholderThenItIsNotFilledInAgain() {
        UserPool pool = withInvite("{username} {####}", null, null);

        Message m = MessageTemplates.invitation(pool, "en", Channel.SMS, "+15555550100", "{####}", "pw", NOW);

        assertThat(m.body()).isEqualTo("{####} pw");
    }

    @Test
    void emailOtpWhenPoolHasEmailMfaConfigurationThenItsMessageAndSubject() {
        UserPool pool = POOL.withMfa("OFF", new UserPool.EmailMfaConfig("<p>Code <b>{####}</b></p>", "Sign in"),
                NOW);

        Message m = MessageTemplates.emailOtp(pool, "en", "a@example.com", "12345678", Duration.ofMinutes(3), NOW);

        assertThat(m.channel()).isEqualTo(Channel.EMAIL);
        assertThat(m.subject()).isEqualTo("Sign in");
        assertThat(m.html()).isEqualTo("<p>Code <b>12345678</b></p>");
        assertThat(m.body()).isEqualTo("Code 12345678");
    }

    @Test
    void emailOtpWhenDefaultEnglishThenCodeAndValidityInWords() {
        Message m = MessageTemplates.emailOtp(PLAIN, "en", "a@example.com", "12345678", Duration.ofMinutes(3),
                NOW);

        assertThat(m.subject()).isEqualTo("Your sign-in code");
        assertThat(m.body()).isEqualTo("Your sign-in code is 12345678.\n\n"
                + "It is valid for 3 minutes. If you did not try to sign in, you can ignore this email.");
        assertHtmlDocument(m.html(), "en");
        assertThat(m.html()).contains(">12345678</p>", "It is valid for 3 minutes.");
    }

    @Test
    void emailOtpWhenDefaultJapaneseThenCodeAndValidityInWords() {
        Message m = MessageTemplates.emailOtp(PLAIN, "ja", "a@example.com", "12345678", Duration.ofMinutes(15),
                NOW);

        assertThat(m.subject()).isEqualTo("サインインコードのお知らせ");
        assertThat(m.body()).isEqualTo("サインインコードは 12345678 です。\n\n"
                + "このコードの有効期限は15分です。お心当たりのない場合は、このメールを破棄してください。");
        assertHtmlDocument(m.html(), "ja");
        assertThat(m.html()).contains(">12345678</p>", "このコードの有効期限は15分です。");
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource({
            "PT24H,     24 hours,                         24時間",
            "PT3M,      3 minutes,                        3分",
            "PT1M,      1 minute,                         1分",
            "PT1H,      1 hour,                           1時間",
            "PT1H30M,   1 hour and 30 minutes,            1時間30分",
            "PT47H,     47 hours,                         47時間",
            "P2D,       2 days,                           2日間",
            "P7D,       7 days,                           7日間",
            "P2DT3H,    2 days and 3 hours,               2日3時間",
            "PT1H1M1S,  '1 hour, 1 minute and 1 second',  1時間1分1秒",
            "PT45S,     45 seconds,                       45秒",
            "PT0S,      0 minutes,                        0分"})
    void inWordsWhenDurationThenWordsInBothLanguages(Duration duration, String english, String japanese) {
        assertThat(MessageTemplates.inWords(duration, "en")).isEqualTo(english);
        assertThat(MessageTemplates.inWords(duration, "ja")).isEqualTo(japanese);
    }

    @Test
    void plainTextWhenNoMarkupThenLineBreaksKeptAndEntitiesDecoded() {
        assertThat(MessageTemplates.plainText("Hello,\nyour code is {####}.\n\nTom &amp; Jerry &#x3042;"))
                .isEqualTo("Hello,\nyour code is {####}.\n\nTom & Jerry あ");
    }

    @Test
    void plainTextWhenMarkupThenReadAsABrowserShowsIt() {
        String html = """
                <!DOCTYPE html>
                <html><head><title>Acme</title><style>p { color: red; }</style></head>
                <body>
                  <!-- header -->
                  <h1>Welcome</h1>
                  <p>Your   code
                     is <strong>{####}</strong>.</p>
                  <ul><li>One</li><li>Two</li></ul>
                  <p><a href="https://example.com/confirm?code={####}&amp;x=1">Confirm</a>
                     or write to <a href='mailto:help@example.com'>help@example.com</a>.</p>
                  <p>&copy; Acme&nbsp;Inc. 5 &lt; 6</p>
                </body></html>
                """;

        assertThat(MessageTemplates.plainText(html)).isEqualTo("""
                Welcome

                Your code is {####}.

                - One
                - Two

                Confirm (https://example.com/confirm?code={####}&x=1) or write to help@example.com.

                © Acme Inc. 5 < 6""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 < 6 and 7 > 2", "a <3 b", "&unknown; & &#0; &#xZZ;"})
    void plainTextWhenNotMarkupThenLeftAsWritten(String text) {
        assertThat(MessageTemplates.plainText(text)).isEqualTo(text);
    }

    private static void assertHtmlDocument(String html, String lang) {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">")
                .contains("<meta charset=\"utf-8\">", "<title>", "</body>")
                .endsWith("</html>\n")
                .doesNotContain("src=", "http://", "https://", "<link", "<script");
    }

    // ---- A third language is only a file (test resource messages_eo.properties, Esperanto) ----

    @Test
    void languageWhenLocaleHasAFileThenThatLanguage() {
        assertThat(MessageTemplates.language(PLAIN, Optional.of("eo-XX"))).isEqualTo("eo");
        assertThat(MessageTemplates.language(Optional.of("EO"), "ja")).isEqualTo("eo");
    }

    @Test
    void languageWhenPoolTagHasAFileThenThatLanguage() {
        UserPool tagged = withTags(Map.of(MessageTemplates.LANGUAGE_TAG, "eo"));
        assertThat(MessageTemplates.language(tagged, Optional.empty())).isEqualTo("eo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../messages", "e/o", "x", "fr"})
    void languageWhenNoSuchFileThenEnglish(String locale) {
        assertThat(MessageTemplates.language(PLAIN, Optional.of(locale))).isEqualTo("en");
    }

    @Test
    void verificationCodeWhenThirdLanguageThenItsWordsInTextHtmlAndSms() {
        Message email = MessageTemplates.verificationCode(PLAIN, "eo", Channel.EMAIL, "a@example.com", "123456",
                Duration.ofMinutes(90), NOW);
        assertThat(email.subject()).isEqualTo("Via kontrolkodo");
        assertThat(email.body()).isEqualTo("Via kontrolkodo estas 123456.\n\nĜi validas dum 1 horo kaj 30 minutoj.");
        assertThat(email.html()).contains("<html lang=\"eo\">", "<title>Via kontrolkodo</title>",
                "Via kontrolkodo estas:", ">123456</p>", "Ĝi validas dum 1 horo kaj 30 minutoj.",
                "font-family:Helvetica,Arial,sans-serif;");
        Message sms = MessageTemplates.smsOtp(PLAIN, "eo", "+15555550100", "654321", Duration.ofDays(3), NOW);
        assertThat(sms.body()).isEqualTo("Via ensalutkodo estas 654321. Ĝi validas dum 3 tagoj.");
    }

    @Test
    void invitationWhenThirdLanguageThenItsSentenceWithValuesEscapedInHtml() {
        Message email = MessageTemplates.invitation(PLAIN, "eo", Channel.EMAIL, "a@example.com", "<ana>", "Pw1!",
                NOW);
        assertThat(email.subject()).isEqualTo("Via provizora pasvorto");
        assertThat(email.body()).isEqualTo("Via uzantnomo estas <ana> kaj provizora pasvorto estas Pw1!.");
        assertThat(email.html()).contains("Via uzantnomo estas <strong", "&lt;ana&gt;</strong> kaj provizora");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_ja.properties", "messages_eo.properties"})
    void languageFileWhenComparedWithEnglishThenHasEveryRequiredKey(String file) throws IOException {
        Properties english = read("messages.properties");
        Properties other = read(file);
        english.stringPropertyNames().stream()
                .filter(key -> !key.endsWith(".one") && !key.endsWith(".alone"))
                .forEach(key -> assertThat(other).as(file).containsKey(key));
    }

    private static Properties read(String file) throws IOException {
        try (InputStream in = MessageTemplates.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
