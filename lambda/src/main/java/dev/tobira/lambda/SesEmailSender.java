package dev.tobira.lambda;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;

/**
 * Sends each email at once through Amazon SES ({@code SendEmail} of the SES v2 API): a simple UTF-8
 * message with the subject, the text body and, when there is one, the HTML body. Unlike Tobira's
 * outbox there is no queue: a trigger must know now whether the code went out.
 */
public final class SesEmailSender implements MessageSender, AutoCloseable {

    /** Cognito waits 5 seconds for a trigger; the SDK's retries must fit in that with time to spare. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final SesV2Client ses;
    private final String from;

    /**
     * @param from the From address ({@code no-reply@example.com} or {@code Name <no-reply@example.com>}),
     *     an identity verified in SES
     */
    public SesEmailSender(SesV2Client ses, String from) {
        this.ses = Objects.requireNonNull(ses);
        this.from = Objects.requireNonNull(from);
    }

    /**
     * A sender with its own client over the JDK's HTTP client (the smallest cold start).
     *
     * @param endpoint replaces SES's own endpoint (tests, an SES-compatible service)
     */
    public static SesEmailSender create(String from, Region region, Optional<URI> endpoint,
            AwsCredentialsProvider credentials) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        return new SesEmailSender(builder.build(), from);
    }

    /**
     * Sends {@code message} to its one recipient.
     *
     * @throws IllegalArgumentException for an SMS
     * @throws EmailNotSentException when SES refuses the message or cannot be reached; its message
     *     names the failure (SES's error code and HTTP status) but not the recipient or the text, as
     *     Cognito shows it to the client that is signing in
     */
    @Override
    public void send(Message message) {
        if (message.channel() != Message.Channel.EMAIL) {
            throw new IllegalArgumentException("SES sends email, not " + message.channel());
        }
        Body.Builder body = Body.builder().text(utf8(message.body()));
        if (!message.html().isEmpty()) {
            body.html(utf8(message.html()));
        }
        try {
            ses.sendEmail(r -> r.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(message.to()))
                    .content(c -> c.simple(m -> m.subject(utf8(message.subject())).body(body.build()))));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new EmailNotSentException("SES refused the sign-in code email (" + Objects.requireNonNullElse(code,
                    "no error code") + ", HTTP " + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new EmailNotSentException("SES could not be reached to send the sign-in code email ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset(StandardCharsets.UTF_8.name()).build();
    }

    @Override
    public void close() {
        ses.close();
    }

    /** An email that was not sent; the cause, for the function's log, is the SDK's exception. */
    public static final class EmailNotSentException extends RuntimeException {
        EmailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
