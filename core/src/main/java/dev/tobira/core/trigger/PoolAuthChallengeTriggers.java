package dev.tobira.core.trigger;

import dev.tobira.core.CognitoException.InvalidUserPoolConfigurationException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The auth-challenge triggers a pool's {@code LambdaConfig} names, each run where its own ARN points:
 * the built-in {@code tobira-email-otp} ones in process, any other through the {@link TriggerInvoker}.
 * A trigger the pool does not name fails as Cognito's missing trigger does.
 */
public final class PoolAuthChallengeTriggers implements AuthChallengeTriggers {

    static final String NOT_CONFIGURED = "Custom auth lambda trigger is not configured for the user pool.";

    private final LambdaConfig config;
    private final AuthChallengeTriggers builtIn;
    private final AuthChallengeTriggers lambda;

    public PoolAuthChallengeTriggers(LambdaConfig config, AuthChallengeTriggers builtIn, TriggerInvoker invoker) {
        this.config = config == null ? LambdaConfig.NONE : config;
        this.builtIn = builtIn;
        this.lambda = new LambdaAuthChallengeTriggers(invoker, this.config.defineAuthChallenge(),
                this.config.createAuthChallenge(), this.config.verifyAuthChallengeResponse());
    }

    /** Whether the pool can run a custom authentication at all: it names a DefineAuthChallenge trigger. */
    public boolean configured() {
        return config.defineAuthChallenge() != null;
    }

    @Override
    public DefineResponse define(Context context, List<ChallengeResult> session) {
        return asFunction("DefineAuthChallenge", () -> runner(config.defineAuthChallenge()).define(context, session));
    }

    @Override
    public CreateResponse create(Context context, String challengeName, List<ChallengeResult> session) {
        return asFunction("CreateAuthChallenge",
                () -> runner(config.createAuthChallenge()).create(context, challengeName, session));
    }

    @Override
    public boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer) {
        return asFunction("VerifyAuthChallengeResponse", () -> runner(config.verifyAuthChallengeResponse())
                .verify(context, privateChallengeParameters, challengeAnswer));
    }

    /**
     * Runs a trigger; a built-in one that refuses ({@link IllegalStateException}) fails as a Lambda
     * function that throws would: {@code "<trigger> failed with error <message>."}.
     */
    private static <T> T asFunction(String triggerName, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            throw new UserLambdaValidationException(triggerName + " failed with error " + e.getMessage() + ".");
        }
    }

    private AuthChallengeTriggers runner(String arn) {
        if (arn == null) {
            throw new InvalidUserPoolConfigurationException(NOT_CONFIGURED);
        }
        return EmailOtpTriggers.isBuiltIn(arn) ? builtIn : lambda;
    }
}
