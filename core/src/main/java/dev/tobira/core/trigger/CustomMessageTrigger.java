package dev.tobira.core.trigger;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool's CustomMessage trigger: before Tobira sends a code (or an invitation), the function may
 * rewrite the message, with Cognito's event: {@code triggerSource} {@code CustomMessage_<source>},
 * {@code request} {@code userAttributes}, {@code codeParameter} ({@value #CODE_PARAMETER}),
 * {@code usernameParameter} ({@value #USERNAME_PARAMETER} for AdminCreateUser, else null) and
 * {@code clientMetadata}; {@code response} {@code smsMessage}, {@code emailMessage} and
 * {@code emailSubject}, all null.
 *
 * <p>What the function leaves null keeps the message Tobira would have sent. A message it sets must
 * contain {@value #CODE_PARAMETER}, which Tobira replaces with the code (the temporary password in an
 * invitation); {@value #USERNAME_PARAMETER} becomes the username in an invitation. A message without the
 * code is refused as Cognito refuses it (see {@link #missingCode}), whatever the {@link Source}; an invitation
 * ({@link Source#AdminCreateUser}) must also name the user (see {@link #missingUsername}).
 */
public final class CustomMessageTrigger {

    /** Why a message is sent: the event's {@code triggerSource} is {@code CustomMessage_<source>}. */
    public enum Source {
        SignUp, AdminCreateUser, ResendCode, ForgotPassword, UpdateUserAttribute, VerifyUserAttribute, Authentication
    }

    public static final String CODE_PARAMETER = "{####}";
    public static final String USERNAME_PARAMETER = "{username}";

    private final LambdaConfig config;
    private final TriggerInvoker invoker;

    public CustomMessageTrigger(LambdaConfig config, TriggerInvoker invoker) {
        this.config = config == null ? LambdaConfig.NONE : config;
        this.invoker = invoker;
    }

    /** Whether the pool names a CustomMessage function at all. */
    public boolean configured() {
        return config.customMessage() != null;
    }

    /**
     * The message to send in place of {@code standard}: {@code standard} itself when the pool has no
     * CustomMessage function or the function changes nothing, else with the function's subject and
     * text, the placeholders filled in.
     *
     * @param user the recipient as the function sees them (their attributes and the request's ClientMetadata)
     * @param code the code the message carries (for AdminCreateUser, the temporary password)
     * @param username the username an invitation names ({@link Source#AdminCreateUser}); null otherwise
     * @throws InvalidParameterException when the function's message for this channel lacks the code
     */
    public Message compose(Source source, AuthChallengeTriggers.Context user, Message standard, String code,
            String username) {
        if (!configured()) {
            return standard;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", user.userAttributes());
        request.put("codeParameter", CODE_PARAMETER);
        request.put("usernameParameter", source == Source.AdminCreateUser ? USERNAME_PARAMETER : null);
        request.put("clientMetadata", user.clientMetadata());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("smsMessage", null);
        response.put("emailMessage", null);
        response.put("emailSubject", null);
        Map<String, Object> answer = LambdaAuthChallengeTriggers.response(invoker.invoke(config.customMessage(),
                "CustomMessage", LambdaAuthChallengeTriggers.event("CustomMessage_" + source.name(), user, request,
                        response)));
        String sms = LambdaAuthChallengeTriggers.string(answer, "smsMessage");
        String email = LambdaAuthChallengeTriggers.string(answer, "emailMessage");
        String subject = LambdaAuthChallengeTriggers.string(answer, "emailSubject");
        String text = standard.channel() == Message.Channel.SMS ? sms : email;
        if (text != null && !text.isEmpty() && !text.contains(CODE_PARAMETER)) {
            throw missingCode(standard.channel(), text);
        }
        if (source == Source.AdminCreateUser && text != null && !text.isEmpty() && !text.contains(USERNAME_PARAMETER)) {
            throw missingUsername(standard.channel(), text);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CODE_PARAMETER, code);
        if (username != null) {
            values.put(USERNAME_PARAMETER, username);
        }
        return MessageTemplates.rewritten(standard, subject, text, values);
    }

    /**
     * Cognito's answer to a function message without the code: the request validation of the message
     * it would send ({@code emailBody}), quoted from Cognito's answers reported in
     * amazon-cognito-identity-js issue #99 and amplify-js issue #6917. The SMS member's name is
     * Tobira's guess (UNCONFIRMED).
     */
    static InvalidParameterException missingCode(Message.Channel channel, String text) {
        String member = channel == Message.Channel.SMS ? "smsMessage" : "emailBody";
        return new InvalidParameterException("1 validation error detected: Value '" + text + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
    }

    /**
     * An invitation from the function without {@value #USERNAME_PARAMETER}. Cognito's developer guide
     * (Custom message Lambda trigger, the note on {@code CustomMessage_AdminCreateUser}): "the response
     * from your function must include placeholder variables for the username and code". Cognito's wording of
     * the refusal is not documented: this one is worded as {@link #missingCode} is, with the username
     * placeholder in the pattern (UNCONFIRMED text).
     */
    static InvalidParameterException missingUsername(Message.Channel channel, String text) {
        String member = channel == Message.Channel.SMS ? "smsMessage" : "emailBody";
        return new InvalidParameterException("1 validation error detected: Value '" + text + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{username\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
    }
}
