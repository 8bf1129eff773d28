package dev.tobira.core;

import dev.tobira.core.ops.AuthResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Calls fired at the same moment from as many threads, as racing clients fire them, and how each ended. */
public final class Race {

    private Race() {}

    /**
     * Runs {@code call} for 0 to {@code count - 1}, each on its own thread, all released at once.
     *
     * @return each call's outcome in order: "tokens" when it signed in, else the Cognito error as
     *     "Type: message"; any other failure fails the test
     */
    public static List<String> outcomes(int count, IntFunction<AuthResponse> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                running.add(threads.submit(() -> {
                    start.await();
                    try {
                        return call.apply(n).authenticationResult() != null ? "tokens" : "a challenge";
                    } catch (CognitoException e) {
                        return e.type() + ": " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : running) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
