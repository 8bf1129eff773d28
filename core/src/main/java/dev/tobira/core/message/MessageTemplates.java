package dev.tobira.core.message;

import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.EmailMfaConfig;
import dev.tobira.core.pool.UserPool.MessageTemplate;
import dev.tobira.core.pool.UserPool.VerificationMessageTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages Tobira sends to users: verification codes, AdminCreateUser invitations and
 * passwordless sign-in codes, in English ({@code "en"}), Japanese ({@code "ja"}) or any language that
 * has a resource file (see <b>Languages</b>).
 *
 * <p><b>Custom templates.</b> When the pool has its own message for a kind, it is used as Cognito
 * uses it: {@code {####}} is the code (or the temporary password) and {@code {username}} the
 * username. Cognito sends a custom email message as HTML, so the message's {@link Message#html()}
 * is the template with the values substituted (the template itself is trusted and left as written;
 * the values are HTML-escaped), and its {@link Message#body()} is a plain-text rendering of it
 * (see {@link #plainText}). SMS templates are filled in as they are. A custom subject is used as
 * written. A custom template overrides the language; a kind the pool has no template for gets the
 * built-in default in the chosen language.
 *
 * <p><b>Defaults.</b> Every default email has a plain-text body and a self-contained HTML version
 * (inline styles, no external resources), shows the code prominently and says how long it is
 * valid. The default SMS messages are short enough for one SMS segment.
 *
 * <p><b>Language.</b> {@link #language} picks it per user: the user's {@code locale} attribute
 * first, then the pool tag {@value #LANGUAGE_TAG}, then English.
 *
 * <p><b>Languages.</b> The default words are in resource files next to this class, one per language,
 * read as UTF-8: {@code messages.properties} (English) and {@code messages_<language>.properties}
 * ({@code messages_ja.properties}), where {@code <language>} is a lower-case primary language subtag.
 * Adding a language is adding such a file with every key of {@code messages.properties}; the markup of
 * the HTML emails stays in this class.
 */
public final class MessageTemplates {

    /** English. */
    public static final String EN = "en";
    /** Japanese. */
    public static final String JA = "ja";

    /**
     * The pool tag (in {@code UserPoolTags}) that sets the pool's default message language:
     * {@code ja}, {@code en} or another language with a resource file. A user's own {@code locale}
     * attribute takes precedence.
     */
    public static final String LANGUAGE_TAG = "tobira:language";

    /** How long a sign-up confirmation code is valid (spec §5.2). */
    public static final Duration SIGN_UP_CODE_VALIDITY = Duration.ofHours(24);

    private static final String CODE = "{####}";
    private static final String USERNAME = "{username}";

    private MessageTemplates() {}

    /**
     * The language for messages to one user: {@code "en"}, {@code "ja"} or another language with a
     * resource file, as its lower-case primary subtag.
     *
     * <ol>
     *   <li>the user's {@code locale} attribute, if its language has a resource file
     *       ({@code ja}, {@code ja-JP}, {@code ja_JP}, {@code en-US}, … — compared by the primary
     *       language subtag, ignoring case);
     *   <li>otherwise the pool's default language, from the pool tag {@value #LANGUAGE_TAG}
     *       ({@code ja}, {@code en}, …; a language without a file is ignored);
     *   <li>otherwise {@code "en"}.
     * </ol>
     */
    public static String language(UserPool pool, Optional<String> localeAttribute) {
        return localeAttribute.flatMap(MessageTemplates::supportedLanguage)
                .or(() -> Optional.ofNullable(pool.userPoolTags().get(LANGUAGE_TAG))
                        .flatMap(MessageTemplates::supportedLanguage))
                .orElse(EN);
    }

    /**
     * A sign-up confirmation code (SignUp, ResendConfirmationCode), valid for
     * {@link #SIGN_UP_CODE_VALIDITY}; see {@link #verificationCode(UserPool, String, Message.Channel,
     * String, String, Duration, Instant)}.
     */
    public static Message verificationCode(UserPool pool, String language, Message.Channel channel, String to,
            String code, Instant now) {
        return verificationCode(pool, language, channel, to, code, SIGN_UP_CODE_VALIDITY, now);
    }

    /**
     * A verification code for an email address or phone number: sign-up confirmation, resend, and
     * attribute verification.
     *
     * <p>Email uses the pool's {@code VerificationMessageTemplate.EmailMessage}/{@code EmailSubject},
     * falling back to the legacy {@code EmailVerificationMessage}/{@code EmailVerificationSubject};
     * SMS uses {@code VerificationMessageTemplate.SmsMessage}, falling back to
     * {@code SmsVerificationMessage}. Without them, the default in {@code language}.
     *
     * @param validity how long {@code code} is valid, stated in the default messages
     */
    public static Message verificationCode(UserPool pool, String language, Message.Channel channel, String to,
            String code, Duration validity, Instant now) {
        VerificationMessageTemplate t = pool.verificationMessageTemplate();
        Copy copy = Copy.of(language);
        Map<String, String> values = Map.of(CODE, code);
        if (channel == Message.Channel.SMS) {
            String custom = firstSet(t == null ? null : t.smsMessage(), pool.smsVerificationMessage());
            return sms(to, custom, values, copy.verificationSms(code, inWords(validity, copy)), now);
        }
        String customMessage = firstSet(t == null ? null : t.emailMessage(), pool.emailVerificationMessage());
        String customSubject = firstSet(t == null ? null : t.emailSubject(), pool.emailVerificationSubject());
        return email(to, customSubject, customMessage, values, copy.verification(code, inWords(validity, copy)), now);
    }

    /**
     * AdminCreateUser's invitation: the username and the temporary password.
     *
     * <p>Uses the pool's {@code AdminCreateUserConfig.InviteMessageTemplate} ({@code EmailMessage},
     * {@code EmailSubject}, {@code SMSMessage}) where set; the default English text is Cognito's own,
     * "Your username is {username} and temporary password is {####}." with the subject "Your temporary
     * password".
     */
    public static Message invitation(UserPool pool, String language, Message.Channel channel, String to,
            String username, String temporaryPassword, Instant now) {
        MessageTemplate t = pool.adminCreateUserConfig() == null ? null
                : pool.adminCreateUserConfig().inviteMessageTemplate();
        Copy copy = Copy.of(language);
        Map<String, String> values = Map.of(USERNAME, username, CODE, temporaryPassword);
        if (channel == Message.Channel.SMS) {
            return sms(to, t == null ? null : t.smsMessage(), values, copy.invitationSms(username, temporaryPassword),
                    now);
        }
        return email(to, t == null ? null : t.emailSubject(), t == null ? null : t.emailMessage(), values,
                copy.invitation(username, temporaryPassword), now);
    }

    /**
     * The welcome message of a user the pool's UserMigration function brought in: AdminCreateUser's
     * invitation for a user with no temporary password (Cognito documents that the welcome message is
     * sent, not what it says; see {@code UserMigrations}).
     *
     * <p>Uses the pool's {@code AdminCreateUserConfig.InviteMessageTemplate} where set, with
     * {@code {username}} filled in and {@code {####}} left empty: the migrated user has no temporary
     * password, and their own password is never written into a message. The default text names the
     * user only: "Welcome. Your username is {username}." with the subject "Welcome".
     */
    public static Message welcome(UserPool pool, String language, Message.Channel channel, String to,
            String username, Instant now) {
        MessageTemplate t = pool.adminCreateUserConfig() == null ? null
                : pool.adminCreateUserConfig().inviteMessageTemplate();
        Copy copy = Copy.of(language);
        Map<String, String> values = Map.of(USERNAME, username, CODE, "");
        if (channel == Message.Channel.SMS) {
            return sms(to, t == null ? null : t.smsMessage(), values, copy.welcomeSms(username), now);
        }
        return email(to, t == null ? null : t.emailSubject(), t == null ? null : t.emailMessage(), values,
                copy.welcome(username), now);
    }

    /**
     * A sign-in code by email in Tobira's default words, where no pool is at hand (the AWS Lambda
     * handlers of the built-in triggers).
     */
    public static Message emailOtp(String language, String to, String code, Duration validity, Instant now) {
        Copy copy = Copy.of(language);
        return email(to, null, null, Map.of(CODE, code), copy.emailOtp(code, inWords(validity, copy)), now);
    }

    /**
     * The language of a user's {@code locale} attribute when it has a resource file, else
     * {@code fallback}; see {@link #language(UserPool, Optional)}.
     */
    public static String language(Optional<String> localeAttribute, String fallback) {
        return localeAttribute.flatMap(MessageTemplates::supportedLanguage)
                .or(() -> Optional.ofNullable(fallback).flatMap(MessageTemplates::supportedLanguage))
                .orElse(EN);
    }

    /**
     * The passwordless sign-in code ({@code EMAIL_OTP}, spec §4.2–4.4): the pool's
     * {@code EmailMfaConfiguration} ({@code Message} with {@code {####}}, {@code Subject}) where set,
     * else the default in {@code language}, which states {@code validity}.
     */
    public static Message emailOtp(UserPool pool, String language, String to, String code, Duration validity,
            Instant now) {
        EmailMfaConfig c = pool.emailMfaConfiguration();
        Copy copy = Copy.of(language);
        return email(to, c == null ? null : c.subject(), c == null ? null : c.message(), Map.of(CODE, code),
                copy.emailOtp(code, inWords(validity, copy)), now);
    }

    /**
     * A sign-in code by SMS (USER_AUTH's SMS_OTP): the pool's {@code SmsAuthenticationMessage}
     * ({@code {####}} is the code), else the default in {@code language}, which states {@code validity}.
     */
    public static Message smsOtp(UserPool pool, String language, String to, String code, Duration validity,
            Instant now) {
        Copy copy = Copy.of(language);
        return sms(to, pool.smsAuthenticationMessage(), Map.of(CODE, code),
                copy.signInSms(code, inWords(validity, copy)), now);
    }

    /**
     * {@code standard} rewritten by a CustomMessage function: its {@code subject} (email only) and
     * {@code text} where not null or empty, with {@code values}' placeholders filled in; an email text is
     * HTML, rendered to plain text as the pool's own templates are.
     */
    public static Message rewritten(Message standard, String subject, String text, Map<String, String> values) {
        if (standard.channel() == Message.Channel.SMS) {
            return isSet(text) ? new Message(Message.Channel.SMS, standard.to(), "", fill(text, values,
                    UnaryOperator.identity()), standard.createdAt()) : standard;
        }
        Email fallback = new Email(standard.subject(), standard.body(), standard.html());
        return email(standard.to(), subject, text, values, fallback, standard.createdAt());
    }

    private static Message sms(String to, String custom, Map<String, String> values, String fallback, Instant now) {
        String body = isSet(custom) ? fill(custom, values, UnaryOperator.identity()) : fallback;
        return new Message(Message.Channel.SMS, to, "", body, now);
    }

    private static Message email(String to, String customSubject, String customMessage, Map<String, String> values,
            Email fallback, Instant now) {
        String subject = isSet(customSubject) ? customSubject : fallback.subject();
        if (!isSet(customMessage)) {
            return new Message(Message.Channel.EMAIL, to, subject, fallback.text(), fallback.html(), now);
        }
        // Rendered before filling in, so that a value that looks like markup is kept as typed.
        String text = fill(plainText(customMessage), values, UnaryOperator.identity());
        String html = fill(customMessage, values, MessageTemplates::escape);
        return new Message(Message.Channel.EMAIL, to, subject, text, html, now);
    }

    /** Replaces each placeholder in one pass, so a value that contains a placeholder stays as it is. */
    private static String fill(String template, Map<String, String> values, UnaryOperator<String> encode) {
        Pattern placeholders = Pattern.compile(String.join("|", values.keySet().stream().map(Pattern::quote).toList()));
        return placeholders.matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(encode.apply(values.get(m.group()))));
    }

    // ---- Plain text from a custom HTML template ----

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern INVISIBLE = Pattern.compile(
            "<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile(
            "<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_END = Pattern.compile(
            "</(p|h[1-6]|table|ul|ol|blockquote)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_END = Pattern.compile(
            "</(div|li|tr)\\s*>|<hr\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("yen", "¥"), Map.entry("euro", "€"));

    /**
     * A plain-text rendering of an email template, for the text part of an HTML email.
     *
     * <p>A template with no markup is plain text already and keeps its line breaks (only entities
     * are decoded). Otherwise it is read the way a browser shows it: white space collapses,
     * {@code <br>} and the ends of blocks become line breaks ({@code </p>} a blank line), list items
     * start with {@code "- "}, a link reads {@code text (address)}, comments and the contents of
     * {@code head}, {@code style}, {@code script} and {@code title} vanish, other tags are dropped,
     * and character references ({@code &amp;}, {@code &#39;}, {@code &#x3042;}, common named ones) are
     * decoded.
     */
    static String plainText(String template) {
        if (!TAG.matcher(template).find()) {
            return decodeEntities(template).strip();
        }
        String s = COMMENT.matcher(template).replaceAll("");
        s = INVISIBLE.matcher(s).replaceAll("");
        s = s.replaceAll("\\s+", " ");
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(link(m)));
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = PARAGRAPH_END.matcher(s).replaceAll("\n\n");
        s = BLOCK_END.matcher(s).replaceAll("\n");
        s = LIST_ITEM.matcher(s).replaceAll("- ");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\n", -1)) {
            lines.add(line.strip());
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String link(MatchResult m) {
        String href = m.group(1) != null ? m.group(1) : m.group(2);
        String text = TAG.matcher(m.group(3)).replaceAll("").strip();
        String address = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href.strip();
        if (text.isEmpty() || text.equals(address) || address.isEmpty()) {
            return text.isEmpty() ? address : text;
        }
        return text + " (" + address + ")";
    }

    private static String decodeEntities(String s) {
        return ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(decodeEntity(m.group(1), m.group())));
    }

    private static String decodeEntity(String name, String asWritten) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : asWritten;
        }
        return NAMED_ENTITIES.getOrDefault(name, asWritten);
    }

    /** {@code value} safe in HTML text and in quoted attribute values. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---- Durations in words ----

    /**
     * {@code duration} in words, to the second: "24 hours", "3 minutes", "1 hour and 30 minutes",
     * "7 days" / "24時間", "3分", "1時間30分", "7日間". Durations under two days are told in hours, so
     * a sign-up code reads "24 hours" rather than "1 day".
     */
    static String inWords(Duration duration, String language) {
        return inWords(duration, Copy.of(language));
    }

    private static String inWords(Duration duration, Copy copy) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds >= Duration.ofDays(2).toSeconds() ? seconds / Duration.ofDays(1).toSeconds() : 0;
        long rest = seconds - days * Duration.ofDays(1).toSeconds();
        long[] amounts = {days, rest / 3600, rest % 3600 / 60, rest % 60};
        List<String> parts = new ArrayList<>();
        for (int unit = 0; unit < amounts.length; unit++) {
            if (amounts[unit] > 0) {
                parts.add(copy.unit(amounts[unit], unit, days > 0 && rest == 0));
            }
        }
        if (parts.isEmpty()) {
            parts.add(copy.unit(0, 2, false));
        }
        return copy.join(parts);
    }

    // ---- Default texts ----

    /** A default email: subject, plain text and HTML. */
    private record Email(String subject, String text, String html) {}

    /**
     * The default texts in one language, read from {@code messages_<language>.properties} next to this
     * class ({@code messages.properties} for English), UTF-8. The words are plain text; the markup of
     * the HTML emails is here.
     */
    private static final class Copy {

        private static final String BUNDLE = "messages";
        private static final Pattern VALID_LANGUAGE = Pattern.compile("[a-z]{2,8}");
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
        private static final List<String> UNITS = List.of("day", "hour", "minute", "second");
        private static final Map<String, Optional<Copy>> LOADED = new ConcurrentHashMap<>();

        private final String file;
        private final Properties words;

        private Copy(String file, Properties words) {
            this.file = file;
            this.words = words;
        }

        /** The texts for {@code language}, English when it has no file. */
        static Copy of(String language) {
            return supportedLanguage(language == null ? "" : language).flatMap(Copy::load)
                    .orElseGet(() -> load(EN).orElseThrow());
        }

        /** Whether {@code language} (a lower-case primary subtag) has a file. */
        static boolean exists(String language) {
            return VALID_LANGUAGE.matcher(language).matches() && load(language).isPresent();
        }

        private static Optional<Copy> load(String language) {
            return LOADED.computeIfAbsent(language, l -> {
                String file = l.equals(EN) ? BUNDLE + ".properties" : BUNDLE + "_" + l + ".properties";
                try (InputStream in = MessageTemplates.class.getResourceAsStream(file)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    Properties words = new Properties();
                    words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    return Optional.of(new Copy(file, words));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the message texts " + file, e);
                }
            });
        }

        Email verification(String code, String validity) {
            return codeEmail("verification", code, validity);
        }

        String verificationSms(String code, String validity) {
            return text("verification.sms", Map.of("code", code, "validity", validity));
        }

        Email emailOtp(String code, String validity) {
            return codeEmail("signIn", code, validity);
        }

        String signInSms(String code, String validity) {
            return text("signIn.sms", Map.of("code", code, "validity", validity));
        }

        Email invitation(String username, String password) {
            String subject = word("invitation.subject");
            String html = fillIn(escape(word("invitation.text")),
                    Map.of("username", strong(username), "password", strong(password)));
            return new Email(subject, invitationSms(username, password), page(subject, paragraph(html)));
        }

        String invitationSms(String username, String password) {
            return text("invitation.text", Map.of("username", username, "password", password));
        }

        Email welcome(String username) {
            String subject = word("welcome.subject");
            String html = fillIn(escape(word("welcome.text")), Map.of("username", strong(username)));
            return new Email(subject, welcomeSms(username), page(subject, paragraph(html)));
        }

        String welcomeSms(String username) {
            return text("welcome.text", Map.of("username", username));
        }

        /** {@code amount} of unit 0 days, 1 hours, 2 minutes, 3 seconds. */
        String unit(long amount, int unit, boolean daysOnly) {
            String key = "unit." + UNITS.get(unit);
            String chosen = daysOnly && words.containsKey(key + ".alone") ? key + ".alone"
                    : amount == 1 && words.containsKey(key + ".one") ? key + ".one" : key;
            return text(chosen, Map.of("amount", Long.toString(amount)));
        }

        String join(List<String> parts) {
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            return String.join(word("unit.separator"), parts.subList(0, parts.size() - 1))
                    + word("unit.lastSeparator") + parts.getLast();
        }

        /** A code email of {@code kind}: its text, a blank line and its note; the HTML a code page. */
        private Email codeEmail(String kind, String code, String validity) {
            String subject = word(kind + ".subject");
            String note = text(kind + ".note", Map.of("validity", validity));
            return new Email(subject, text(kind + ".text", Map.of("code", code)) + "\n\n" + note,
                    codePage(subject, word(kind + ".lead"), code, note));
        }

        private String text(String key, Map<String, String> values) {
            return fillIn(word(key), values);
        }

        /** Fills {@code {name}} placeholders in one pass; an unknown one stays as written. */
        private static String fillIn(String template, Map<String, String> values) {
            return PLACEHOLDER.matcher(template).replaceAll(
                    m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }

        private String word(String key) {
            String value = words.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("The message texts " + file + " have no " + key);
            }
            return value;
        }

        /** A page with a lead line, the code large and spaced out, and a note in smaller grey text. */
        private String codePage(String title, String lead, String code, String note) {
            return page(title, paragraph(escape(lead))
                    + "<p style=\"margin:16px 0;padding:16px;background-color:#f4f4f5;border-radius:6px;"
                    + "text-align:center;font-family:Menlo,Consolas,'Courier New',monospace;font-size:32px;"
                    + "font-weight:bold;letter-spacing:6px;color:#18181b;\">" + escape(code) + "</p>\n"
                    + "<p style=\"margin:0;font-size:14px;color:#52525b;\">" + escape(note) + "</p>\n");
        }

        /** A complete HTML document around {@code content}. */
        private String page(String title, String content) {
            return "<!DOCTYPE html>\n"
                    + "<html lang=\"" + escape(word("html.lang")) + "\">\n"
                    + "<head>\n"
                    + "<meta charset=\"utf-8\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    + "<title>" + escape(title) + "</title>\n"
                    + "</head>\n"
                    + "<body style=\"margin:0;padding:24px 12px;background-color:#f4f4f5;\">\n"
                    + "<div style=\"max-width:480px;margin:0 auto;padding:32px 24px;background-color:#ffffff;"
                    + "border-radius:8px;font-family:" + word("html.fonts")
                    + ";font-size:16px;line-height:1.6;color:#18181b;\">\n"
                    + content
                    + "</div>\n"
                    + "</body>\n"
                    + "</html>\n";
        }

        private static String paragraph(String html) {
            return "<p style=\"margin:0 0 8px;\">" + html + "</p>\n";
        }

        private static String strong(String value) {
            return "<strong style=\"font-family:Menlo,Consolas,'Courier New',monospace;\">" + escape(value)
                    + "</strong>";
        }
    }

    private static Optional<String> supportedLanguage(String tag) {
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_.@]", 2)[0];
        return Copy.exists(primary) ? Optional.of(primary) : Optional.empty();
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstSet(String preferred, String legacy) {
        return isSet(preferred) ? preferred : isSet(legacy) ? legacy : null;
    }
}
