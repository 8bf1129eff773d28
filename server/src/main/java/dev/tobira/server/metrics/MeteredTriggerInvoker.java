package dev.tobira.server.metrics;

import dev.tobira.core.CognitoException;
import dev.tobira.core.trigger.TriggerInvoker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;

/**
 * Times every trigger invocation (the retries included) as {@value #TRIGGERS}, by user pool (the event's
 * {@code userPoolId}, which core sets), trigger name and outcome ({@code Success} or the error's
 * {@code __type}: {@code UserLambdaValidationException} when the function failed,
 * {@code UnexpectedLambdaException} when it could not be run or timed out), then answers as the
 * invoker it wraps does.
 */
public final class MeteredTriggerInvoker implements TriggerInvoker {

    static final String TRIGGERS = "tobira.triggers";

    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(15)};

    private final TriggerInvoker invoker;
    private final MeterRegistry registry;

    public MeteredTriggerInvoker(TriggerInvoker invoker, MeterRegistry registry) {
        this.invoker = invoker;
        this.registry = registry;
    }

    @Override
    public Map<String, Object> invoke(String functionArn, String triggerName, Map<String, Object> event) {
        long started = System.nanoTime();
        String outcome = "InternalErrorException";
        try {
            Map<String, Object> answer = invoker.invoke(functionArn, triggerName, event);
            outcome = "Success";
            return answer;
        } catch (CognitoException e) {
            outcome = e.type();
            throw e;
        } finally {
            Object pool = event.get("userPoolId");
            Timer.builder(TRIGGERS)
                    .description("Lambda trigger invocations by user pool, trigger and outcome")
                    .tags("pool", pool instanceof String id ? id : ApiMetrics.NO_POOL, "trigger", triggerName,
                            "outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
