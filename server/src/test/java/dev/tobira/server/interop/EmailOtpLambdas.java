package dev.tobira.server.interop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.message.Message;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.core.trigger.EmailOtpTriggers;
import dev.tobira.lambda.CreateAuthChallengeHandler;
import dev.tobira.lambda.DefineAuthChallengeHandler;
import dev.tobira.lambda.VerifyAuthChallengeResponseHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code lambda} module's three handlers — the code that runs on AWS Lambda — set up as a test
 * would deploy them: with a fixed code key, and a mailbox standing in for SES that tests (and
 * scripts, over HTTP) read the codes from.
 */
public final class EmailOtpLambdas {

    /** Every email the handlers sent, oldest first. */
    static final List<Message> MAILBOX = new CopyOnWriteArrayList<>();

    private static final EmailOtpTriggers TRIGGERS = new EmailOtpTriggers(EmailOtpSettings.DEFAULT,
            new CodeHasher("tobira-test-lambda-code-key-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII)),
            MAILBOX::add, EmailOtpTriggers.CodeEmail.inDefaultWords("en"), Clock.systemUTC(), new SecureRandom());

    private EmailOtpLambdas() {}

    /** DefineAuthChallenge, as a Java class Tobira can run (public, no-argument constructor). */
    public static final class Define implements
            RequestHandler<CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
        private final DefineAuthChallengeHandler handler = new DefineAuthChallengeHandler(TRIGGERS);

        @Override
        public CognitoUserPoolDefineAuthChallengeEvent handleRequest(CognitoUserPoolDefineAuthChallengeEvent event,
                Context context) {
            return handler.handleRequest(event, context);
        }
    }

    /** CreateAuthChallenge, as a Java class Tobira can run. */
    public static final class Create implements
            RequestHandler<CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
        private final CreateAuthChallengeHandler handler = new CreateAuthChallengeHandler(TRIGGERS);

        @Override
        public CognitoUserPoolCreateAuthChallengeEvent handleRequest(CognitoUserPoolCreateAuthChallengeEvent event,
                Context context) {
            return handler.handleRequest(event, context);
        }
    }

    /** VerifyAuthChallengeResponse, as a Java class Tobira can run. */
    public static final class Verify implements RequestHandler<CognitoUserPoolVerifyAuthChallengeResponseEvent,
            CognitoUserPoolVerifyAuthChallengeResponseEvent> {
        private final VerifyAuthChallengeResponseHandler handler = new VerifyAuthChallengeResponseHandler(TRIGGERS);

        @Override
        public CognitoUserPoolVerifyAuthChallengeResponseEvent handleRequest(
                CognitoUserPoolVerifyAuthChallengeResponseEvent event, Context context) {
            return handler.handleRequest(event, context);
        }
    }

    static List<Message> mailTo(String address) {
        return MAILBOX.stream().filter(m -> m.to().equals(address)).toList();
    }

    /** The 6-digit code in the newest email to {@code address}. */
    static String latestCode(String address) {
        List<Message> mails = mailTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No email to " + address);
        }
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(mails.getLast().body());
        if (!m.find()) {
            throw new AssertionError("No code in: " + mails.getLast().body());
        }
        return m.group(1);
    }

    /**
     * The mailbox over HTTP on loopback, shaped like the dev outbox:
     * {@code GET /?to=ADDRESS} → {@code {"messages":[{"to","subject","body"}…]}}, newest first.
     */
    static HttpServer serveMailbox() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String to = query == null ? "" : URLDecoder.decode(query.replaceFirst("^to=", ""), StandardCharsets.UTF_8);
            List<Map<String, String>> messages = mailTo(to).reversed().stream()
                    .map(m -> Map.of("to", m.to(), "subject", m.subject(), "body", m.body()))
                    .toList();
            byte[] body = json.writeValueAsBytes(Map.of("messages", messages));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
