package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.AliasExistsException;
import dev.tobira.core.Services;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageTemplates;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.srp.Verifiers;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.SignInTriggers;
import dev.tobira.core.trigger.SignInTriggers.MigrationSource;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users brought in by the pool's UserMigration trigger when someone the pool does not know signs in
 * with a password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH: the flows that carry the password
 * itself; SRP never reveals it) or asks for a password reset.
 */
final class UserMigrations {

    private UserMigrations() {}

    /**
     * Asks the function about {@code typedName} and, if it knows the user, creates them from its answer:
     * their attributes (less {@code sub}, which the pool makes), the sign-in's {@code password} as theirs,
     * and {@code finalUserStatus} ({@code CONFIRMED} unless it says {@code RESET_REQUIRED}; a user
     * migrated by ForgotPassword has no password yet, so is always {@code RESET_REQUIRED}). Empty when
     * the pool has no UserMigration function or the function does not know the user. The user's welcome
     * message is sent with them unless the function suppresses it (see {@link #welcome}).
     *
     * @param password the password being signed in with; null for ForgotPassword
     * @param validationData InitiateAuth's or ForgotPassword's {@code ClientMetadata}, which AWS passes to
     *     UserMigration as {@code validationData} and {@code clientMetadata} both
     */
    static Optional<User> migrate(Services services, UserPool pool, UserPoolClient client, String typedName,
            MigrationSource source, String password, Map<String, String> validationData) {
        SignInTriggers triggers = new SignInTriggers(pool.lambdaConfig(), services.triggers());
        if (!triggers.migrates()) {
            return Optional.empty();
        }
        Map<String, String> metadata = validationData == null ? Map.of() : validationData;
        AuthChallengeTriggers.Context unknown = new AuthChallengeTriggers.Context(pool.id(), client.clientId(),
                typedName, Map.of(), false, metadata);
        Optional<SignInTriggers.Migration> answer = triggers.userMigration(source, unknown, password, metadata);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        List<Attribute> given = answer.get().userAttributes().entrySet().stream()
                .filter(e -> !e.getKey().equals("sub") && !e.getKey().startsWith("cognito:"))
                .map(e -> new Attribute(e.getKey(), e.getValue()))
                .toList();
        AttributeRules.checkWritable(pool, given, true);
        Usernames.NewIdentity identity = Usernames.newIdentity(services, pool, typedName, given);
        boolean confirmed = password != null && !"RESET_REQUIRED".equals(answer.get().finalUserStatus());
        Instant now = services.clock().instant();
        User user = new User(pool.id(), identity.username(), identity.attributes(),
                confirmed ? UserStatus.CONFIRMED : UserStatus.RESET_REQUIRED, true, now, now,
                password == null ? Optional.empty()
                        : Optional.of(Verifiers.create(pool.srpPoolName(), identity.username(), password,
                                services.random())),
                Optional.empty());
        List<User> holders = aliasHolders(services, pool, user);
        if (!holders.isEmpty() && !answer.get().forceAliasCreation()) {
            // ConfirmSignUp's wording for an email; for a phone number by analogy.
            boolean email = holders.stream().anyMatch(h -> movedAliases(pool, user, h)
                    .contains(new Attribute("email_verified", "false")));
            throw new AliasExistsException("An account with the " + (email ? "email" : "phone_number")
                    + " already exists.");
        }
        List<Message> welcome = welcome(services, pool, client, user, typedName, answer.get(), metadata, now);
        services.transactions().inTransaction(() -> {
            holders.forEach(holder -> Pools.save(services, holder.withAttributes(AttributeRules.merge(
                    holder.attributes(), movedAliases(pool, user, holder)), now)));
            services.users().create(user, !pool.caseInsensitiveUsernames());
            welcome.forEach(services.messages()::send);
            return user;
        });
        return Optional.of(user);
    }

    /**
     * The welcome message of the migrated user, unless the function said {@code SUPPRESS}.
     *
     * <p>Cognito's developer guide, "Migrate user Lambda trigger" (docs.aws.amazon.com/cognito/latest/
     * developerguide/user-pool-lambda-migrate-user.html), response parameters: {@code messageAction} "can
     * be set to SUPPRESS to suppress the welcome message usually sent by Amazon Cognito to new users. If
     * this attribute is not returned, the welcome message will be sent"; {@code desiredDeliveryMediums}
     * "can be set to EMAIL to send the welcome message by email, or SMS ... If this attribute is not
     * returned, the welcome message will be sent by SMS". So it goes to every migrated user, whatever
     * {@code finalUserStatus} and on both trigger sources ({@code RESEND} sends it too).
     *
     * <p>What the message says is not documented. The welcome message Cognito sends new users is
     * AdminCreateUser's (its {@code DesiredDeliveryMediums}: "Specify EMAIL if email will be used to send
     * the welcome message"), and the CustomMessage trigger has no source for a migration, so Tobira sends
     * the pool's invitation template through {@code CustomMessage_AdminCreateUser}. A migrated user has no
     * temporary password, and Tobira never writes a user's own password into a message, so the code
     * placeholder stays empty and the default text only names the user ({@link MessageTemplates#welcome}).
     * Media the user has no address for are refused as AdminCreateUser refuses them.
     */
    private static List<Message> welcome(Services services, UserPool pool, UserPoolClient client, User user,
            String typedName, SignInTriggers.Migration answer, Map<String, String> clientMetadata, Instant now) {
        if ("SUPPRESS".equals(answer.messageAction())) {
            return List.of();
        }
        return Invitations.messages(services, pool, client.clientId(), user, typedName, null,
                answer.desiredDeliveryMediums(), clientMetadata, now);
    }

    /**
     * Other users holding, verified, an alias (email or phone number, as the pool's {@code AliasAttributes})
     * that the migrated user brings verified. Cognito's UserMigration documentation: with
     * {@code forceAliasCreation} true "the alias will be migrated to the new user"; false (the default)
     * fails with {@code AliasExistsException}, as AdminCreateUser and ConfirmSignUp do.
     */
    private static List<User> aliasHolders(Services services, UserPool pool, User user) {
        return ContactAttributes.VERIFIABLE.stream()
                .filter(pool.aliasAttributes()::contains)
                .filter(name -> verified(user, name))
                .flatMap(name -> services.users().findByAttribute(pool.id(), name, user.attribute(name).orElseThrow(),
                        !pool.caseInsensitiveUsernames()).stream()
                        .filter(other -> !other.username().equals(user.username()) && verified(other, name)))
                .distinct()
                .toList();
    }

    /** What {@code holder} loses to the migrated user: the shared aliases are no longer verified for them. */
    private static List<Attribute> movedAliases(UserPool pool, User user, User holder) {
        return ContactAttributes.VERIFIABLE.stream()
                .filter(pool.aliasAttributes()::contains)
                .filter(name -> verified(user, name) && verified(holder, name)
                        && holder.attribute(name).equals(user.attribute(name)))
                .map(name -> new Attribute(ContactAttributes.verifiedFlag(name), "false"))
                .toList();
    }

    private static boolean verified(User user, String name) {
        return user.attribute(name).isPresent()
                && user.attribute(ContactAttributes.verifiedFlag(name)).filter("true"::equals).isPresent();
    }
}
