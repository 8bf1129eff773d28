package dev.tobira.server.trigger;

import dev.tobira.server.aws.SignedHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Lambda functions reached through the AWS Lambda {@code Invoke} API ({@code POST
 * /2015-03-31/functions/{FunctionName}/invocations}, {@code RequestResponse}): real AWS, SAM local,
 * serverless-offline, or any server that speaks it. Requests are signed with SigV4 for the region in
 * the function's ARN.
 */
public final class LambdaInvokeApi implements AutoCloseable {

    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"errorMessage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ERROR_TYPE = Pattern.compile("\"(?:__type|Type|code)\"\\s*:\\s*\"([^\"]*)\"");

    private final Optional<URI> endpoint;
    private final String defaultRegion;
    private final SignedHttp http;

    /**
     * @param endpoint replaces AWS's own regional endpoint, e.g. {@code http://127.0.0.1:3001}
     * @param defaultRegion the region for a function named without an ARN
     * @param timeout the longest wait to connect and for each read; each attempt's own timeout
     *     ({@link LambdaFunction#invoke}) bounds the whole exchange besides
     */
    public LambdaInvokeApi(Optional<URI> endpoint, String defaultRegion, AwsCredentialsProvider credentials,
            Duration timeout) {
        this.endpoint = endpoint;
        this.defaultRegion = defaultRegion;
        // Function output is at most 6 MB in Lambda; a little more tells "too big" from "just fits".
        this.http = new SignedHttp(credentials, timeout, timeout, 6 * 1024 * 1024 + 1);
    }

    /** The function {@code arn} (or a bare function name) as a {@link LambdaFunction}. */
    LambdaFunction function(String arn) {
        String[] parts = arn.split(":");
        String region = parts.length >= 7 && !parts[3].isEmpty() ? parts[3] : defaultRegion;
        URI base = endpoint.orElseGet(() -> URI.create("https://lambda." + region + ".amazonaws.com"
                + (region.startsWith("cn-") ? ".com.cn" : "")));
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI uri = URI.create(root + "2015-03-31/functions/" + URLEncoder.encode(arn, StandardCharsets.UTF_8)
                + "/invocations");
        return (event, timeout) -> invoke(uri, region, event, timeout);
    }

    /** One attempt: connecting, sending and the whole answer within {@code timeout}, as Cognito's 5 s. */
    private LambdaFunction.Outcome invoke(URI uri, String region, byte[] event, Duration timeout) {
        SignedHttp.Response response;
        try {
            response = http.post(uri, "lambda", region, Map.of("Content-Type", "application/json",
                    "X-Amz-Invocation-Type", "RequestResponse"), event, timeout);
        } catch (SocketTimeoutException e) {
            return new LambdaFunction.Outcome.Unavailable("Socket timeout while invoking Lambda function");
        } catch (IOException | RuntimeException e) {
            return new LambdaFunction.Outcome.Unavailable(e.getClass().getSimpleName());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.status();
        if (status == 200 && response.header("X-Amz-Function-Error").isPresent()) {
            return new LambdaFunction.Outcome.Failed(first(ERROR_MESSAGE, body).map(LambdaInvokeApi::unescape)
                    .orElse(response.header("X-Amz-Function-Error").get()));
        }
        if (status / 100 == 2) {
            return new LambdaFunction.Outcome.Returned(response.body());
        }
        String error = response.header("X-Amzn-ErrorType").map(t -> t.split(":")[0])
                .or(() -> first(ERROR_TYPE, body))
                .orElse("HTTP " + status);
        return status == 429 || status >= 500
                ? new LambdaFunction.Outcome.Unavailable(error)
                : new LambdaFunction.Outcome.Refused(error);
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String unescape(String json) {
        return json.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    @Override
    public void close() {
        http.close();
    }
}
