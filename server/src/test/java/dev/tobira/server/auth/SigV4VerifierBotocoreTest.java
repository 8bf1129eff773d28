package dev.tobira.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SigV4Verifier} against requests signed by botocore's {@code SigV4Auth} — the signer of the AWS
 * CLI and boto3 — run in a real {@code python3}. A second signer nobody here wrote, with its own
 * canonicalization code, proves the verifier is not merely agreeing with one SDK's quirks.
 *
 * <p>Skipped (not passed) when {@code python3} with botocore is not installed.
 */
@DisplayName("SigV4Verifier with requests signed by botocore (AWS CLI, boto3)")
class SigV4VerifierBotocoreTest {

    static final String ACCESS_KEY = "AKIDTOBIRAADMIN00002";
    static final String SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final String BODY = "{\"UserPoolId\":\"eu-west-1_Tobira0002\",\"Username\":\"bob@example.com\"}";

    /**
     * Signs a request described by JSON on stdin and prints it, as it would go on the wire, as JSON.
     * botocore reads the clock through the module-level {@code get_current_datetime}; it is pinned so
     * the test, not the wall clock, decides the signing time.
     */
    static final String SIGN_WITH_BOTOCORE = """
            import datetime, json, sys
            from urllib.parse import urlsplit
            import botocore.auth
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials

            spec = json.load(sys.stdin)
            fixed = datetime.datetime.strptime(spec["time"], "%Y%m%dT%H%M%SZ")
            botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
            request = AWSRequest(method="POST", url=spec["url"], data=spec["body"].encode("utf-8"), headers={
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": "AWSCognitoIdentityProviderService.AdminGetUser",
            })
            credentials = Credentials(spec["accessKey"], spec["secretKey"], spec.get("sessionToken"))
            SigV4Auth(credentials, "cognito-idp", spec["region"]).add_auth(request)
            prepared = request.prepare()
            headers = {k: (v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in prepared.headers.items()}
            # botocore signs Host as derived from the URL and leaves writing it to urllib3; do the same.
            headers.setdefault("Host", botocore.auth._host_from_url(prepared.url))
            url = urlsplit(prepared.url)
            print(json.dumps({"method": prepared.method, "path": url.path, "query": url.query, "headers": headers}))
            """;

    static final JsonMapper JSON = JsonMapper.builder().build();

    final SigV4Verifier strict = SigV4Verifier.strict(Map.of(ACCESS_KEY, SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void botocoreIsInstalled() throws InterruptedException {
        int exit;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import botocore").redirectErrorStream(true).start();
            exit = probe.waitFor(60, TimeUnit.SECONDS) ? probe.exitValue() : -1;
        } catch (IOException e) {
            exit = -1;
        }
        assumeThat(exit).as("python3 with botocore is needed for the botocore interop test").isZero();
    }

    @Test
    void verifyWhenSignedByBotocoreThenReturnsAccessKeyId() throws Exception {
        SignedRequest request = botocoreSigned(spec("http://localhost:9229/", ACCESS_KEY, SECRET));

        assertThat(request.firstHeader("Authorization")).hasValueSatisfying(header -> assertThat(header)
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20260501/eu-west-1/cognito-idp/aws4_request"));
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenSignedByBotocoreWithSessionTokenThenReturnsAccessKeyId() throws Exception {
        Map<String, Object> spec = spec("http://127.0.0.1:9229/", ACCESS_KEY, SECRET);
        spec.put("sessionToken", "IQoJb3JpZ2luX2VjEXAMPLE/+=");

        SignedRequest request = botocoreSigned(spec);

        assertThat(request.firstHeader("X-Amz-Security-Token")).hasValue("IQoJb3JpZ2luX2VjEXAMPLE/+=");
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    @DisplayName("botocore's path normalization and query sorting agree with the verifier's")
    void verifyWhenBotocoreSignsPathAndQueryThenReturnsAccessKeyId() throws Exception {
        SignedRequest request = botocoreSigned(spec(
                "http://localhost:9229/a/./b/../c/hello%20world/?b=2&a=z&a=y%20x&a=%C3%A9", ACCESS_KEY, SECRET));

        assertThat(request.rawQuery()).isNotEmpty();
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenBotocoreSignedWithWrongSecretThenInvalidSignature() throws Exception {
        SignedRequest request = botocoreSigned(spec("http://localhost:9229/", ACCESS_KEY, "wrong/secret"));

        SigV4VerifierTest.assertFails(strict, request, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenBotocoreRequestBodyTamperedThenInvalidSignature() throws Exception {
        SignedRequest signed = botocoreSigned(spec("http://localhost:9229/", ACCESS_KEY, SECRET));

        SigV4VerifierTest.assertFails(strict, SigV4VerifierTest.withBody(signed, BODY.replace("bob", "eve")),
                "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenBotocoreSignedWithUnknownKeyThenUnrecognizedClient() throws Exception {
        SignedRequest request = botocoreSigned(spec("http://localhost:9229/", "AKIDNOTCONFIGURED001", SECRET));

        SigV4VerifierTest.assertFails(strict, request, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    @Test
    void verifyWhenPermissiveAndSignedByBotocoreThenReturnsClaimedAccessKeyId() throws Exception {
        SignedRequest request = botocoreSigned(spec("http://localhost:9229/", "local", "local"));

        assertThat(SigV4Verifier.permissive().verify(request)).isEqualTo("local");
    }

    static Map<String, Object> spec(String url, String accessKey, String secretKey) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("url", url);
        spec.put("accessKey", accessKey);
        spec.put("secretKey", secretKey);
        spec.put("region", "eu-west-1");
        spec.put("time", "20260501T120000Z");
        spec.put("body", BODY);
        return spec;
    }

    /** Runs botocore's signer on {@code spec} and returns the request as the server would receive it. */
    static SignedRequest botocoreSigned(Map<String, Object> spec) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", "-c", SIGN_WITH_BOTOCORE).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(python.getErrorStream()));
        try (OutputStream stdin = python.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(spec));
        }
        String stdout = readAll(python.getInputStream());
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("botocore signer finished").isTrue();
        assertThat(python.exitValue()).as("botocore signer failed: %s", stderr.join()).isZero();

        JsonNode signed = JSON.readTree(stdout);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.get("headers").properties().forEach(e -> headers.put(e.getKey(), List.of(e.getValue().asString())));
        return new SignedRequest(signed.get("method").asString(), signed.get("path").asString(),
                signed.get("query").asString(), headers, ((String) spec.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
