package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;

/**
 * Email through Amazon SES ({@code SendEmail} of the SES v2 API) with a simple UTF-8 message: subject,
 * text body and, when the message has one, an HTML body. The SDK retries nothing itself: the outbox
 * worker's backoff is the one retry policy.
 */
public final class SesTransport implements Transport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final SesV2Client ses;
    private final String from;
    private final String region;

    /**
     * @param from the From address ({@code no-reply@example.com} or {@code Name <no-reply@example.com>}),
     *     an identity verified in SES
     * @param endpoint replaces SES's own endpoint (an SES-compatible service, tests)
     * @param credentials normally the SDK's default chain: environment, profile, container or instance role
     */
    public SesTransport(String from, String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.from = from;
        this.region = region;
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(SmtpTransport.Options.DEFAULT_CONNECT_TIMEOUT)
                        .socketTimeout(SmtpTransport.Options.DEFAULT_READ_TIMEOUT))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(CALL_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        this.ses = builder.build();
    }

    @Override
    public void deliver(Message message) {
        Body.Builder body = Body.builder().text(utf8(message.body()));
        if (!message.html().isEmpty()) {
            body.html(utf8(message.html()));
        }
        ses.sendEmail(r -> r.fromEmailAddress(message.from().isEmpty() ? from : message.from())
                .destination(d -> d.toAddresses(message.to()))
                .content(c -> c.simple(m -> m.subject(utf8(message.subject())).body(body.build()))));
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset(StandardCharsets.UTF_8.name()).build();
    }

    @Override
    public void close() {
        ses.close();
    }

    @Override
    public String toString() {
        return "Amazon SES (" + region + ")";
    }
}
