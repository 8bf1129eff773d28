package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import dev.tobira.server.aws.SignedHttp;
import java.util.LinkedHashMap;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * SMS through Amazon SNS: {@code Publish} to a phone number (E.164), as a {@code Transactional} SMS
 * (the type for one-time codes: delivered with priority, not subject to opt-out keywords' marketing rules).
 *
 * <p>The request is SNS's query protocol (a form-encoded POST, API version 2010-03-31) signed with the
 * AWS SDK's own SigV4 signer, rather than the SDK's SNS client: the SNS module of the SDK version this
 * project pins is not available here, and SDK modules must not mix versions.
 */
public final class SmsTransport implements Transport {

    private static final String API_VERSION = "2010-03-31";
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]*)</MessageId>");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final String region;
    private final URI endpoint;
    private final SignedHttp http;

    /**
     * @param endpoint replaces SNS's own endpoint ({@code https://sns.REGION.amazonaws.com/})
     * @param credentials normally the SDK's default chain: environment, profile, container or instance role
     */
    public SmsTransport(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint.orElseGet(() -> URI.create("https://sns." + region + ".amazonaws.com"
                + (region.startsWith("cn-") ? ".cn" : "") + "/"));
        this.http = new SignedHttp(credentials, SmtpTransport.Options.DEFAULT_CONNECT_TIMEOUT,
                SmtpTransport.Options.DEFAULT_READ_TIMEOUT, 64 * 1024);
    }

    /**
     * @throws SnsException when SNS refuses the message (its error code and message, never the text sent)
     */
    @Override
    public void deliver(Message message) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "Publish");
        form.put("Version", API_VERSION);
        form.put("PhoneNumber", message.to());
        form.put("Message", message.body());
        form.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
        form.put("MessageAttributes.entry.1.Value.DataType", "String");
        form.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        byte[] payload = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);

        SignedHttp.Response response = http.post(endpoint, "sns", region,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), payload);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.status();
        if (status / 100 != 2 || !MESSAGE_ID.matcher(body).find()) {
            throw new SnsException(status, first(ERROR_CODE, body).orElse("unknown"),
                    first(ERROR_MESSAGE, body).orElse(""));
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** SNS answered with an error. */
    public static final class SnsException extends IOException {
        private final int status;
        private final String code;

        SnsException(int status, String code, String message) {
            super("SNS Publish failed: HTTP " + status + " " + code + (message.isEmpty() ? "" : ": " + message));
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        /** SNS's error code, e.g. {@code InvalidParameter}, {@code Throttling}. */
        public String code() {
            return code;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "Amazon SNS (" + region + ")";
    }
}
