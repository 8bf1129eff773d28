package dev.tobira.server.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
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

    // One virtual thread per exchange that has a deadline, so that an overrunning one can be abandoned.
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final int maxBodyBytes;

    /**
     * @param credentials normally the SDK's default chain: environment, profile, container or instance role
     * @param connectTimeout the limit for opening the connection
     * @param readTimeout the limit for each read of the answer (a whole answer may take longer;
     *     {@link #post(URI, String, String, Map, byte[], Duration)} bounds it all)
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
        return read(prepare(uri, service, region, headers, payload).call());
    }

    /**
     * As {@link #post(URI, String, String, Map, byte[])}, all of it — connecting, sending, and reading
     * the whole answer — within {@code deadline}: an answer that trickles in, each read within the
     * read timeout, is cut off all the same, and its connection closed.
     *
     * @throws SocketTimeoutException when the deadline passes first
     */
    public Response post(URI uri, String service, String region, Map<String, String> headers, byte[] payload,
            Duration deadline) throws IOException {
        ExecutableHttpRequest request = prepare(uri, service, region, headers, payload);
        Future<Response> exchange = CALLS.submit(() -> read(request.call()));
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Interrupting the exchange's virtual thread closes its socket; abort() alone would hand a
            // half-read answer to the JDK's keep-alive cleaner, which goes on reading it.
            exchange.cancel(true);
            request.abort();
            throw new SocketTimeoutException("No whole answer from " + uri.getHost() + " within " + deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            request.abort();
            throw new InterruptedIOException("Interrupted while waiting for " + uri.getHost());
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private ExecutableHttpRequest prepare(URI uri, String service, String region, Map<String, String> headers,
            byte[] payload) {
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
        return http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElseThrow())
                .build());
    }

    private Response read(HttpExecuteResponse response) throws IOException {
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
