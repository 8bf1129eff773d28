package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The welcome message Cognito sends a user an administrator created (AdminCreateUser's invitation) or
 * the UserMigration trigger brought in: one message per delivery medium, composed outside any
 * transaction (the CustomMessage function may run), to be sent in the transaction that stores the user.
 */
final class Invitations {

    private Invitations() {}

    /**
     * The messages for the requested media, in the user's language (see {@link MessageTemplates#language}).
     * With none named, Cognito's default is SMS, sent only if the user has a phone number; named media
     * that the user has no address for are an error, since nothing could be delivered. Each goes through
     * the pool's CustomMessage trigger as {@code CustomMessage_AdminCreateUser}, the one source Cognito
     * has for a welcome message.
     *
     * @param clientId the app client the CustomMessage function is told of, {@code CLIENT_ID_NOT_APPLICABLE}
     *     for an admin call
     * @param typedName the username the message names, as the caller typed it
     * @param temporaryPassword the invitation's temporary password; null for a migrated user, who gets
     *     {@link MessageTemplates#welcome} (no password) instead of {@link MessageTemplates#invitation}
     * @param media {@code EMAIL} and/or {@code SMS}; null or empty for the default
     * @param clientMetadata the request's {@code ClientMetadata}; null for none
     * @throws InvalidParameterException when media are named but the user has an address for none of them
     */
    static List<Message> messages(Services services, UserPool pool, String clientId, User user, String typedName,
            String temporaryPassword, List<String> media, Map<String, String> clientMetadata, Instant now) {
        List<String> wanted = media == null || media.isEmpty() ? List.of("SMS") : media;
        String language = MessageTemplates.language(pool, user.attribute("locale"));
        List<Message> out = new ArrayList<>();
        for (String medium : wanted) {
            Message.Channel channel = medium.equals("EMAIL") ? Message.Channel.EMAIL : Message.Channel.SMS;
            Optional<String> to = user.attribute(channel == Message.Channel.EMAIL ? "email" : "phone_number");
            if (to.isEmpty()) {
                continue;
            }
            Message standard = temporaryPassword == null
                    ? MessageTemplates.welcome(pool, language, channel, to.get(), typedName, now)
                    : MessageTemplates.invitation(pool, language, channel, to.get(), typedName, temporaryPassword,
                            now);
            out.add(CustomMessages.compose(services, pool, CustomMessageTrigger.Source.AdminCreateUser,
                    clientId, user, clientMetadata, standard,
                    temporaryPassword == null ? "" : temporaryPassword, typedName));
        }
        if (out.isEmpty() && media != null && !media.isEmpty()) {
            throw new InvalidParameterException("User has no attribute matching desired delivery mediums");
        }
        return out;
    }
}
