package dev.tobira.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * {@link SigV4Verifier} against requests signed by the AWS SDK for Java v2's own SigV4 signer
 * ({@link AwsV4HttpSigner}), the one {@code CognitoIdentityProviderClient} uses.
 */
class SigV4VerifierTest {

    static final String ACCESS_KEY = "AKIDTOBIRAADMIN00001";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String BODY = "{\"UserPoolId\":\"us-east-1_Tobira0001\",\"Username\":\"alice@example.com\"}";

    final SigV4Verifier strict = SigV4Verifier.strict(Map.of(ACCESS_KEY, SECRET), CLOCK);

    @Test
    @DisplayName("A request signed by the AWS SDK for Java v2 with a configured key verifies")
    void verifyWhenSignedByAwsSdkThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest request = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);

        assertThat(request.firstHeader("authorization")).hasValueSatisfying(
                header -> assertThat(header).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20260501/us-east-1/cognito-idp/aws4_request"));
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenSignedForAnyRegionThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest request = sdkSigned(new Signing().region("ap-northeast-1"));

        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    @DisplayName("Temporary credentials: X-Amz-Security-Token is accepted when the access key is configured")
    void verifyWhenSignedWithSessionTokenThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest request = sdkSigned(new Signing().sessionToken("FwoGZXIvYXdzEXAMPLETOKEN//////////"));

        assertThat(request.firstHeader("X-Amz-Security-Token")).isPresent();
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenSessionTokenButUnknownAccessKeyThenUnrecognizedClient() {
        SignedRequest request = sdkSigned(new Signing().accessKey("ASIAUNKNOWNTEMPKEY01").sessionToken("token"));

        assertFails(strict, request, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void verifyWhenEmptyBodyThenReturnsAccessKeyId() throws SigV4Exception {
        assertThat(strict.verify(sdkSigned(new Signing().body("")))).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenNonAsciiBodyThenReturnsAccessKeyId() throws SigV4Exception {
        assertThat(strict.verify(sdkSigned(new Signing().body("{\"Name\":\"Zoë 門 🚪\"}")))).isEqualTo(ACCESS_KEY);
    }

    @Test
    @DisplayName("Canonical URI and query string match the SDK's: dot segments, double encoding, sorted parameters")
    void verifyWhenPathAndQueryNeedCanonicalizingThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest request = sdkSigned(new Signing()
                .path("/a/./b/../c/hello%20world/%E9%96%80")
                .query(Map.of("b", List.of("2"), "a", List.of("z", "y x", "é/~+&="), "empty", List.of(""))));

        assertThat(request.rawQuery()).isNotEmpty();
        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenHeaderValuesHaveExtraSpacesThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest request = sdkSigned(new Signing().header("X-Tobira-Note", "  two   spaces\tand a tab  "));

        assertThat(strict.verify(request)).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenSecretIsWrongThenInvalidSignature() {
        SignedRequest request = sdkSigned(ACCESS_KEY, "not-the-secret", BODY, NOW);

        assertFails(strict, request, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenAccessKeyUnknownThenUnrecognizedClient() {
        SignedRequest request = sdkSigned("AKIDSOMEONEELSE00001", SECRET, BODY, NOW);

        assertFails(strict, request, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void verifyWhenBodyTamperedThenInvalidSignature() {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
        SignedRequest tampered = withBody(signed, BODY.replace("alice", "mallory"));

        assertFails(strict, tampered, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    @DisplayName("x-amz-content-sha256 cannot vouch for a body other than the one received")
    void verifyWhenContentSha256HeaderSignedButBodySwappedThenInvalidSignature() throws SigV4Exception {
        SignedRequest signed = sdkSigned(new Signing().header("x-amz-content-sha256", sha256Hex(BODY)));
        assertThat(strict.verify(signed)).isEqualTo(ACCESS_KEY);

        SignedRequest swapped = withBody(signed, "{\"UserPoolId\":\"us-east-1_Tobira0001\",\"Username\":\"root\"}");

        assertFails(strict, swapped, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    @DisplayName("UNSIGNED-PAYLOAD is refused: an admin call's body must be covered by the signature")
    void verifyWhenPayloadUnsignedThenInvalidSignature() {
        SignedRequest request = sdkSigned(new Signing().payloadSigning(false));

        assertThat(request.firstHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        assertFails(strict, request, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenSignedHeaderChangedThenInvalidSignature() {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
        SignedRequest changed = withHeader(signed, "X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDeleteUser");

        assertFails(strict, changed, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenSignedHeaderMissingThenInvalidSignature() {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
        SignedRequest stripped = withHeader(signed, "X-Amz-Target", null);

        assertFails(strict, stripped, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenUnsignedHeaderAddedThenReturnsAccessKeyId() throws SigV4Exception {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);

        assertThat(strict.verify(withHeader(signed, "X-Forwarded-For", "203.0.113.9"))).isEqualTo(ACCESS_KEY);
    }

    @Test
    void verifyWhenMethodChangedThenInvalidSignature() {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
        SignedRequest put = new SignedRequest("PUT", signed.rawPath(), signed.rawQuery(), signed.headers(), signed.body());

        assertFails(strict, put, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Test
    void verifyWhenSignatureTruncatedThenInvalidSignature() {
        SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
        String authorization = signed.firstHeader("Authorization").orElseThrow();

        SignedRequest truncated = withHeader(signed, "Authorization", authorization.substring(0, authorization.length() - 2));

        assertFails(strict, truncated, "InvalidSignatureException", SigV4Verifier.MSG_SIGNATURE_MISMATCH);
    }

    @Nested
    class MalformedRequests {

        @Test
        @DisplayName("No Authorization header at all: Cognito's MissingAuthenticationTokenException")
        void verifyWhenNoAuthorizationHeaderThenMissingAuthenticationToken() {
            SignedRequest unsigned = withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "Authorization", null);

            assertFails(strict, unsigned, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void verifyWhenAuthorizationIsNotSigV4ThenMissingAuthenticationToken() {
            SignedRequest bearer = withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "Authorization", "Bearer eyJhbGciOi.x.y");

            assertFails(strict, bearer, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void verifyWhenAlgorithmUnsupportedThenIncompleteSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256");

            assertFails(strict, withHeader(signed, "Authorization", header),
                    "IncompleteSignatureException", "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.");
        }

        @Test
        @DisplayName("A space inside Credential= splits it, as AWS reports for keys pasted with whitespace")
        void verifyWhenParameterHasNoEqualsSignThenIncompleteSignature() {
            String header = "AWS4-HMAC-SHA256 Credential= " + ACCESS_KEY + "/20260501/us-east-1/cognito-idp/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=" + "a".repeat(64);

            assertFails(strict, withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "Authorization", header),
                    "IncompleteSignatureException",
                    "'" + ACCESS_KEY + "/20260501/us-east-1/cognito-idp/aws4_request' not a valid key=value pair"
                            + " (missing equal-sign) in Authorization header: '" + header + "'.");
        }

        @Test
        void verifyWhenParametersMissingThenIncompleteSignatureNamingEach() {
            String header = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY;

            assertFails(strict, withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "Authorization", header),
                    "IncompleteSignatureException",
                    "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
                            + " parameter. Authorization=" + header);
        }

        @Test
        @DisplayName("Missing X-Amz-Date (and no Date): IncompleteSignatureException")
        void verifyWhenNoDateHeaderThenIncompleteSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            SignedRequest undated = withHeader(signed, "X-Amz-Date", null);

            assertFails(strict, undated, "IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization="
                            + signed.firstHeader("Authorization").orElseThrow());
        }

        @Test
        void verifyWhenDateNotIsoBasicFormatThenIncompleteSignature() {
            SignedRequest misdated = withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "X-Amz-Date", "2026-05-01T12:00:00Z");

            assertFails(strict, misdated, "IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. Got '2026-05-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        @Test
        void verifyWhenHostNotSignedThenInvalidSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace("host;", "");

            assertFails(strict, withHeader(signed, "Authorization", header), "InvalidSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        @DisplayName("The date header must be signed, or a captured request could be replayed with a new date")
        void verifyWhenDateNotSignedThenInvalidSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace(";x-amz-date", "");

            assertFails(strict, withHeader(signed, "Authorization", header), "InvalidSignatureException",
                    "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void verifyWhenDateHeaderUsedButNotSignedThenInvalidSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            SignedRequest dated = withHeader(withHeader(signed, "X-Amz-Date", null), "Date", "20260501T120000Z");

            assertFails(strict, dated, "InvalidSignatureException", "'Date' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void verifyWhenCredentialHasFourPartsThenIncompleteSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace("/us-east-1/", "/");

            assertFails(strict, withHeader(signed, "Authorization", header), "IncompleteSignatureException",
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                            + ACCESS_KEY + "/20260501/cognito-idp/aws4_request'");
        }

        @Test
        void verifyWhenScopedToAnotherServiceThenInvalidSignature() {
            SignedRequest request = sdkSigned(new Signing().service("dynamodb"));

            assertFails(strict, request, "InvalidSignatureException", "Credential should be scoped to correct service: 'cognito-idp'.");
        }

        @Test
        void verifyWhenAnotherServiceIsExpectedThenItsScopeVerifiesAndCognitosDoesNot() throws SigV4Exception {
            assertThat(strict.verify(sdkSigned(new Signing().service("ses")), "ses")).isEqualTo(ACCESS_KEY);
            assertThat(strict.verify(sdkSigned(new Signing().service("sns")), "sns")).isEqualTo(ACCESS_KEY);
            SignedRequest cognito = sdkSigned(new Signing());
            assertThatThrownBy(() -> strict.verify(cognito, "ses")).isInstanceOfSatisfying(SigV4Exception.class, e -> {
                assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
                assertThat(e.getMessage()).isEqualTo("Credential should be scoped to correct service: 'ses'.");
            });
        }

        @Test
        void verifyWhenScopeDateAndTerminatorWrongThenInvalidSignatureNamingBoth() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow()
                    .replace("/20260501/", "/20260430/").replace("/aws4_request", "/aws5_request");

            assertFails(strict, withHeader(signed, "Authorization", header), "InvalidSignatureException",
                    "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."
                            + " Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                            + " '20260430' != '20260501', from '20260501T120000Z'.");
        }
    }

    @Nested
    class RequestTime {

        @Test
        @DisplayName("Signed more than 5 minutes ago: 'Signature expired' as AWS words it")
        void verifyWhenSignedMoreThanFiveMinutesAgoThenSignatureExpired() {
            SignedRequest request = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW.minus(Duration.ofMinutes(5).plusSeconds(1)));

            assertFails(strict, request, "InvalidSignatureException",
                    "Signature expired: 20260501T115459Z is now earlier than 20260501T115500Z (20260501T120000Z - 5 min.)");
        }

        @Test
        void verifyWhenSignedMoreThanFiveMinutesAheadThenSignatureNotYetCurrent() {
            SignedRequest request = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW.plus(Duration.ofMinutes(6)));

            assertFails(strict, request, "InvalidSignatureException",
                    "Signature not yet current: 20260501T120600Z is still later than 20260501T120500Z (20260501T120000Z + 5 min.)");
        }

        @Test
        void verifyWhenSignedExactlyFiveMinutesEitherWayThenReturnsAccessKeyId() throws SigV4Exception {
            assertThat(strict.verify(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW.minus(Duration.ofMinutes(5))))).isEqualTo(ACCESS_KEY);
            assertThat(strict.verify(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW.plus(Duration.ofMinutes(5))))).isEqualTo(ACCESS_KEY);
        }

        @Test
        @DisplayName("The time is checked before the key: a stale request with an unknown key is 'expired'")
        void verifyWhenExpiredAndUnknownKeyThenSignatureExpiredFirst() {
            SignedRequest request = sdkSigned("AKIDSOMEONEELSE00001", SECRET, BODY, NOW.minus(Duration.ofHours(1)));

            assertThatThrownBy(() -> strict.verify(request)).isInstanceOf(SigV4Exception.class)
                    .hasMessageStartingWith("Signature expired: ");
        }
    }

    @Nested
    class PermissiveMode {

        final SigV4Verifier permissive = SigV4Verifier.permissive();

        @Test
        @DisplayName("Dev mode accepts any well-formed signature, whatever the secret, and returns the claimed key")
        void verifyWhenPermissiveAndAnySecretThenReturnsClaimedAccessKeyId() throws SigV4Exception {
            SignedRequest request = sdkSigned("AKIDMADEUPBYTHEDEV01", "whatever", BODY, NOW);

            assertThat(permissive.verify(request)).isEqualTo("AKIDMADEUPBYTHEDEV01");
        }

        @Test
        void verifyWhenPermissiveAndClockFarOffThenReturnsClaimedAccessKeyId() throws SigV4Exception {
            SignedRequest request = sdkSigned("local", "local", BODY, Instant.parse("2020-01-01T00:00:00Z"));

            assertThat(permissive.verify(request)).isEqualTo("local");
        }

        @Test
        @DisplayName("Without X-Amz-Date, a signed ISO-8601 basic Date header carries the request time")
        void verifyWhenPermissiveAndSignedDateHeaderThenReturnsClaimedAccessKeyId() throws SigV4Exception {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace(";x-amz-date;", ";date;");
            SignedRequest dated = withHeader(withHeader(withHeader(signed, "X-Amz-Date", null), "Date", "20260501T120000Z"),
                    "Authorization", header);

            assertThat(permissive.verify(dated)).isEqualTo(ACCESS_KEY);
        }

        @Test
        void verifyWhenPermissiveAndNoAuthorizationThenMissingAuthenticationToken() {
            SignedRequest unsigned = withHeader(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW), "Authorization", null);

            assertFails(permissive, unsigned, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @Test
        void verifyWhenPermissiveAndSignatureMissingThenIncompleteSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replaceAll(", Signature=[0-9a-f]+", "");

            assertFails(permissive, withHeader(signed, "Authorization", header), "IncompleteSignatureException",
                    "Authorization header requires 'Signature' parameter. Authorization=" + header);
        }

        @Test
        void verifyWhenPermissiveAndSignatureNotHexThenInvalidSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replaceAll("Signature=[0-9a-f]+", "Signature=xyz");

            assertFails(permissive, withHeader(signed, "Authorization", header), "InvalidSignatureException",
                    SigV4Verifier.MSG_SIGNATURE_MISMATCH);
        }

        @Test
        void verifyWhenPermissiveAndHostNotSignedThenInvalidSignature() {
            SignedRequest signed = sdkSigned(ACCESS_KEY, SECRET, BODY, NOW);
            String header = signed.firstHeader("Authorization").orElseThrow().replace("host;", "");

            assertFails(permissive, withHeader(signed, "Authorization", header), "InvalidSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void verifyWhenPermissiveAndScopedToAnotherServiceThenInvalidSignature() {
            assertFails(permissive, sdkSigned(new Signing().service("cognito-identity")), "InvalidSignatureException",
                    "Credential should be scoped to correct service: 'cognito-idp'.");
        }
    }

    @Test
    void strictWhenNoCredentialsThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> SigV4Verifier.strict(Map.of(), CLOCK));
        assertThatIllegalArgumentException().isThrownBy(() -> SigV4Verifier.strict(Map.of(ACCESS_KEY, " "), CLOCK));
    }

    @Test
    void toStringWhenStrictThenNeverShowsSecrets() {
        assertThat(strict.toString()).doesNotContain(SECRET).doesNotContain(ACCESS_KEY);
        assertThat(sdkSigned(ACCESS_KEY, SECRET, BODY, NOW).toString()).doesNotContain("Signature=").doesNotContain("alice");
    }

    // ---- helpers -------------------------------------------------------------------------------

    static void assertFails(SigV4Verifier verifier, SignedRequest request, String type, String message) {
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.errorType()).isEqualTo(type);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                });
    }

    /** What to sign; defaults are an AWS JSON 1.1 AdminGetUser call to a local Tobira. */
    static final class Signing {
        String accessKey = ACCESS_KEY;
        String secret = SECRET;
        String sessionToken;
        String region = "us-east-1";
        String service = "cognito-idp";
        String body = BODY;
        Instant time = NOW;
        String path = "/";
        Map<String, List<String>> query = Map.of();
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        boolean payloadSigning = true;

        Signing accessKey(String v) { accessKey = v; return this; }
        Signing sessionToken(String v) { sessionToken = v; return this; }
        Signing region(String v) { region = v; return this; }
        Signing service(String v) { service = v; return this; }
        Signing body(String v) { body = v; return this; }
        Signing path(String v) { path = v; return this; }
        Signing query(Map<String, List<String>> v) { query = v; return this; }
        Signing header(String name, String value) { extraHeaders.put(name, value); return this; }
        Signing payloadSigning(boolean v) { payloadSigning = v; return this; }
    }

    static SignedRequest sdkSigned(String accessKey, String secret, String body, Instant time) {
        Signing signing = new Signing();
        signing.accessKey = accessKey;
        signing.secret = secret;
        signing.body = body;
        signing.time = time;
        return sdkSigned(signing);
    }

    /** Signs with the SDK's AwsV4HttpSigner, then turns the result into what the server would receive. */
    static SignedRequest sdkSigned(Signing s) {
        // https only so that UNSIGNED-PAYLOAD can be requested; the verifier never sees the scheme.
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create((s.payloadSigning ? "http" : "https") + "://localhost:9229" + s.path))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminGetUser")
                .putHeader("Content-Length", Integer.toString(s.body.getBytes(StandardCharsets.UTF_8).length));
        s.query.forEach(http::putRawQueryParameter);
        s.extraHeaders.forEach(http::putHeader);
        AwsCredentialsIdentity identity = s.sessionToken == null
                ? AwsCredentialsIdentity.create(s.accessKey, s.secret)
                : AwsSessionCredentialsIdentity.create(s.accessKey, s.secret, s.sessionToken);
        byte[] bodyBytes = s.body.getBytes(StandardCharsets.UTF_8);

        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArray(bodyBytes))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, s.service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, s.region)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, s.payloadSigning)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(s.time, ZoneOffset.UTC))).request();

        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        // The HTTP client, not the signer, writes Host on the wire (from the same endpoint it signed).
        if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            headers.put("Host", List.of("localhost:9229"));
        }
        return new SignedRequest(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null), headers, bodyBytes);
    }

    static SignedRequest withBody(SignedRequest request, String body) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with header {@code name} replaced by {@code value}, or removed when {@code value} is null. */
    static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((n, v) -> {
            if (!n.equalsIgnoreCase(name)) {
                headers.put(n, new ArrayList<>(v));
            }
        });
        if (value != null) {
            headers.put(name, List.of(value));
        }
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
