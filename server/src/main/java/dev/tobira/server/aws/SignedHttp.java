package dev.tobira.server.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * POSTs to an AWS service API, signed with the SDK's own SigV4 signer, for the services whose SDK
 * module of the pinned SDK version is not available here (SNS, Lambda); SDK modules must not mix
 * versions.
 */
public final class SignedHttp implements AutoCloseable {

    /** An HTTP answer; the body is read up to {@code maxBodyBytes}. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final int maxBodyBytes;

    /**
     * @param credentials normally the SDK's default chain: environment, profile, container or instance role
     * @param readTimeout the limit for each read of the answer
     */
    public SignedHttp(AwsCredentialsProvider credentials, Duration connectTimeout, Duration readTimeout,
            int maxBodyBytes) {
        this.credentials = credentials;
        this.maxBodyBytes = maxBodyBytes;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(readTimeout)
                .build();
    }

    /** Signs a POST of {@code payload} to {@code uri} for {@code service} in {@code region}, and sends it. */
    public Response post(URI uri, String service, String region, Map<String, String> headers, byte[] payload)
            throws IOException {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Length", String.valueOf(payload.length));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElseThrow())
                        .build())
                .call();
        byte[] body;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            body = in.readNBytes(maxBodyBytes);
        }
        return new Response(response.httpResponse().statusCode(), response.httpResponse().headers(), body);
    }

    @Override
    public void close() {
        http.close();
    }
}
