package dev.tobira.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the AWS Signature Version 4 {@code Authorization} header of an AWS JSON 1.1 request to the
 * {@code cognito-idp} service (any region), the way AWS's own front end does, and answers failures
 * with AWS's error types and messages.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@linkplain #strict strict} (production): the signature must verify against the secret of one
 *       of the configured access key ids, and the request time must be within
 *       {@value #ALLOWED_SKEW_MINUTES} minutes of the clock;</li>
 *   <li>{@linkplain #permissive permissive} (dev mode): any well-formed SigV4 header is accepted —
 *       the same parsing and scope checks, but no secret, signature value or clock is checked, so
 *       clients may be configured with any made-up credentials.</li>
 * </ul>
 *
 * <p>Checks run in AWS's order, so a request that is wrong in several ways gets the error AWS would
 * report first: the header's presence, its algorithm, its {@code key=value} syntax, the required
 * parameters and date header, the signed headers, the date format, the clock skew, the credential
 * scope, the access key, and last the signature. The order and texts follow real DynamoDB responses
 * recorded in mhart/dynalite {@code index.js} (a coral JSON service like Cognito) and the AWS error
 * ordering reproduced by dacut/scratchstack-aws-signature; the Cognito-specific texts are cited where
 * they are defined below.
 *
 * <p>The body is always covered: the payload hash in the canonical request is the SHA-256 of the bytes
 * received ({@code x-amz-content-sha256} is used only when it equals that hash), so
 * {@code UNSIGNED-PAYLOAD} requests fail as a signature mismatch. An {@code X-Amz-Security-Token} is
 * allowed but not validated; in strict mode its access key must still be a configured one.
 *
 * <p>Instances are immutable and thread-safe. Nothing here logs; secrets never leave this object.
 */
public final class SigV4Verifier {

    /** The SigV4 service name of the Cognito user pools API (model {@code signingName}). */
    public static final String SERVICE = "cognito-idp";
    /** How far the request time may be from the server's clock, either way, in strict mode. */
    public static final long ALLOWED_SKEW_MINUTES = 5;

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(ALLOWED_SKEW_MINUTES);

    // Cognito's own text, not DynamoDB's "Request is missing Authentication Token": unsigned calls to
    // cognito-idp admin operations were reported failing with exactly "Missing Authentication Token"
    // (aws/aws-aspnet-cognito-identity-provider#155 with AnonymousAWSCredentials,
    // aws/aws-sdk-net-extensions-cognito#95 for ListUsers).
    static final String MSG_MISSING_TOKEN = "Missing Authentication Token";
    // Observed from cognito-idp AdminInitiateAuth/ListUsers: aws/aws-sdk-php#2444,
    // ArranJacques/laravel-aws-cognito-auth#25 (body {"__type":"UnrecognizedClientException",...}).
    static final String MSG_UNRECOGNIZED_CLIENT = "The security token included in the request is invalid.";
    // Observed from cognito-idp adminInitiateAuth: aws/aws-sdk-js#1985.
    static final String MSG_SIGNATURE_MISMATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
            + " service documentation for details.";

    private static final Pattern PARAMETER_SEPARATOR = Pattern.compile("[\\s,]+");
    private static final Pattern HEADER_WHITESPACE = Pattern.compile("[ \\t]+");
    private static final Pattern LOWER_HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();

    /** Access key id → secret access key; {@code null} in permissive mode. */
    private final Map<String, String> secretsByAccessKeyId;
    private final Clock clock;

    private SigV4Verifier(Map<String, String> secretsByAccessKeyId, Clock clock) {
        this.secretsByAccessKeyId = secretsByAccessKeyId;
        this.clock = clock;
    }

    /**
     * Strict mode: a request passes only if its signature verifies with the secret of its access key
     * id, which must be one of {@code secretsByAccessKeyId}, and its time is within
     * {@value #ALLOWED_SKEW_MINUTES} minutes of {@code clock}.
     *
     * @throws IllegalArgumentException if no credentials are given or one is blank
     */
    public static SigV4Verifier strict(Map<String, String> secretsByAccessKeyId, Clock clock) {
        Map<String, String> secrets = Map.copyOf(secretsByAccessKeyId);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("strict SigV4 verification needs at least one access key");
        }
        secrets.forEach((id, secret) -> {
            if (id.isBlank() || secret.isBlank()) {
                throw new IllegalArgumentException("access key ids and secrets must not be blank");
            }
        });
        return new SigV4Verifier(secrets, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Dev mode: any well-formed SigV4 {@code Authorization} header for {@value #SERVICE} passes
     * ({@code AWS4-HMAC-SHA256 Credential=keyid/date/region/cognito-idp/aws4_request,
     * SignedHeaders=…;host;…;x-amz-date, Signature=<64 hex digits>} with a matching date header). No
     * secret, signature value or clock skew is checked.
     */
    public static SigV4Verifier permissive() {
        return new SigV4Verifier(null, null);
    }

    /** Whether this verifier checks signatures against configured secrets. */
    public boolean isStrict() {
        return secretsByAccessKeyId != null;
    }

    /**
     * Authenticates {@code request}.
     *
     * @return the access key id that signed the request: verified in strict mode, as claimed in
     *         permissive mode; never empty
     * @throws SigV4Exception with AWS's {@code __type} and message when the request is not
     *         acceptably signed
     */
    public String verify(SignedRequest request) throws SigV4Exception {
        return verify(request, SERVICE);
    }

    /**
     * Authenticates {@code request} as {@link #verify(SignedRequest)} does, for another AWS service
     * answered on Tobira's port: its credential scope must name {@code service} (e.g. {@code ses},
     * {@code sns}). The same credentials and clock apply.
     *
     * @return the access key id that signed the request
     * @throws SigV4Exception as {@link #verify(SignedRequest)}
     */
    public String verify(SignedRequest request, String service) throws SigV4Exception {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(service, "service");
        Authorization authorization = Authorization.parse(request);
        authorization.requireSigned("host", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        // AWS itself only insists on Host; an unsigned date would let a captured request be replayed
        // with a fresh date, so the date header the time is read from must be signed too. Message
        // modelled on AWS's "'Host' must be a 'SignedHeader' in the AWS Authorization." (dynalite).
        authorization.requireSigned(authorization.dateHeader(),
                "'" + (authorization.dateHeader().equals("x-amz-date") ? "X-Amz-Date" : "Date")
                        + "' must be a 'SignedHeader' in the AWS Authorization.");
        Instant requestTime = parseRequestTime(authorization.date());
        if (isStrict()) {
            requireWithinAllowedSkew(requestTime, clock.instant());
        }
        CredentialScope scope = CredentialScope.parse(authorization.credential(), authorization.date(), service);
        if (scope.accessKeyId().isEmpty()) {
            throw new SigV4Exception(SigV4Exception.UNRECOGNIZED_CLIENT, MSG_UNRECOGNIZED_CLIENT);
        }
        if (!isStrict()) {
            if (!LOWER_HEX_SHA256.matcher(authorization.signature()).matches()) {
                throw signatureMismatch();
            }
            return scope.accessKeyId();
        }
        String secret = secretsByAccessKeyId.get(scope.accessKeyId());
        if (secret == null) {
            throw new SigV4Exception(SigV4Exception.UNRECOGNIZED_CLIENT, MSG_UNRECOGNIZED_CLIENT);
        }
        String canonicalRequest = canonicalRequest(request, authorization.signedHeaders());
        String stringToSign = ALGORITHM + "\n" + authorization.date() + "\n" + scope.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = HEX.formatHex(hmacSha256(signingKey(secret, scope), stringToSign))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw signatureMismatch();
        }
        return scope.accessKeyId();
    }

    @Override
    public String toString() {
        return isStrict()
                ? "SigV4Verifier[strict, " + secretsByAccessKeyId.size() + " access key(s)]"
                : "SigV4Verifier[permissive]";
    }

    // ---- SigV4 task 1: the canonical request ----------------------------------------------------

    /**
     * CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
     * SignedHeaders \n HexEncode(Hash(RequestPayload)).
     */
    static String canonicalRequest(SignedRequest request, List<String> signedHeaders) throws SigV4Exception {
        var canonical = new StringBuilder(512)
                .append(request.method()).append('\n')
                .append(canonicalUri(request.rawPath())).append('\n')
                .append(canonicalQueryString(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty()) {
                // A signed header that did not arrive: the request is not the one that was signed.
                throw signatureMismatch();
            }
            canonical.append(name).append(':')
                    .append(values.stream().map(SigV4Verifier::trimAll).collect(Collectors.joining(",")))
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n')
                .append(payloadHash(request));
        return canonical.toString();
    }

    /**
     * The path as sent, with dot segments and repeated slashes removed, URI-encoded once more (SigV4
     * encodes every path segment twice for services other than S3; the first encoding is the one on
     * the wire).
     */
    static String canonicalUri(String rawPath) {
        return rawPath.isEmpty() ? "/" : uriEncode(removeDotSegments(rawPath), true);
    }

    /**
     * Parameters decoded, re-encoded the SigV4 way (RFC 3986 unreserved characters kept, everything
     * else {@code %XX}), sorted by name then value, joined with {@code &}.
     */
    static String canonicalQueryString(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(new String[] {uriEncode(percentDecode(name), false), uriEncode(percentDecode(value), false)});
        }
        parameters.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return parameters.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /**
     * The hash the signer put in the canonical request: the hex SHA-256 of the body received. A
     * client-supplied {@code x-amz-content-sha256} is taken verbatim only when it is that same hash,
     * so the header can never stand in for a body the signature does not cover.
     */
    static String payloadHash(SignedRequest request) {
        String bodyHash = HEX.formatHex(sha256(request.body()));
        return request.firstHeader("x-amz-content-sha256")
                .map(String::strip)
                .filter(bodyHash::equalsIgnoreCase)
                .orElse(bodyHash);
    }

    // ---- SigV4 task 3: the signing key ----------------------------------------------------------

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    private static byte[] signingKey(String secret, CredentialScope scope) {
        byte[] kDate = hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] kRegion = hmacSha256(kDate, scope.region());
        byte[] kService = hmacSha256(kRegion, scope.service());
        return hmacSha256(kService, TERMINATOR);
    }

    // ---- request time --------------------------------------------------------------------------

    private static Instant parseRequestTime(String date) throws SigV4Exception {
        try {
            return LocalDateTime.parse(date, ISO_BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SigV4Exception(SigV4Exception.INCOMPLETE_SIGNATURE,
                    "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * AWS's replay window: "In most cases, a request must reach AWS within five minutes of the time
     * stamp in the request" (IAM User Guide, "Signing AWS API requests"). Texts as observed, e.g.
     * "Signature expired: 20151120T200815Z is now earlier than 20151120T201846Z (20151120T202346Z - 5
     * min.)" (remind101/logspout-kinesis#21) and "Signature not yet current: 20181120T211543Z is still
     * later than 20181120T211529Z (20181120T211029Z + 5 min.)" (serverless/enterprise#11).
     */
    private static void requireWithinAllowedSkew(Instant requestTime, Instant now) throws SigV4Exception {
        Instant earliest = now.minus(ALLOWED_SKEW);
        Instant latest = now.plus(ALLOWED_SKEW);
        if (requestTime.isBefore(earliest)) {
            throw new SigV4Exception(SigV4Exception.INVALID_SIGNATURE, "Signature expired: "
                    + ISO_BASIC.format(requestTime) + " is now earlier than " + ISO_BASIC.format(earliest)
                    + " (" + ISO_BASIC.format(now) + " - " + ALLOWED_SKEW_MINUTES + " min.)");
        }
        if (requestTime.isAfter(latest)) {
            throw new SigV4Exception(SigV4Exception.INVALID_SIGNATURE, "Signature not yet current: "
                    + ISO_BASIC.format(requestTime) + " is still later than " + ISO_BASIC.format(latest)
                    + " (" + ISO_BASIC.format(now) + " + " + ALLOWED_SKEW_MINUTES + " min.)");
        }
    }

    private static SigV4Exception signatureMismatch() {
        return new SigV4Exception(SigV4Exception.INVALID_SIGNATURE, MSG_SIGNATURE_MISMATCH);
    }

    // ---- the Authorization header --------------------------------------------------------------

    /**
     * The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}
     * plus the date header the signature's time comes from.
     *
     * @param signedHeaders lower-cased, in the order the client listed them (the order it signed)
     * @param dateHeader    {@code x-amz-date}, or {@code date} when there is no {@code X-Amz-Date}
     */
    private record Authorization(String credential, List<String> signedHeaders, String signature,
                                 String date, String dateHeader) {

        static Authorization parse(SignedRequest request) throws SigV4Exception {
            String header = request.firstHeader("authorization").orElse("");
            String trimmed = header.strip();
            // dynalite: DynamoDB treats a header that does not start with "AWS4-" as no token at all.
            if (!trimmed.startsWith("AWS4-")) {
                throw new SigV4Exception(SigV4Exception.MISSING_AUTHENTICATION_TOKEN, MSG_MISSING_TOKEN);
            }
            String[] tokens = PARAMETER_SEPARATOR.split(trimmed);
            if (!tokens[0].equals(ALGORITHM)) {
                throw new SigV4Exception(SigV4Exception.INCOMPLETE_SIGNATURE,
                        "Unsupported AWS 'algorithm': '" + tokens[0] + "'.");
            }
            // AWS splits the parameters on commas and on whitespace: "Credential= AKID/…" yields
            // "'AKID/…' not a valid key=value pair (missing equal-sign) in Authorization header: '…'."
            // (iann0036/cloud9-sync#10, awslabs/fhir-works-on-aws-deployment#379). The last value of a
            // repeated key wins.
            Map<String, String> parameters = new HashMap<>();
            for (int i = 1; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.isEmpty()) {
                    continue;
                }
                int equals = token.indexOf('=');
                if (equals < 0) {
                    throw new SigV4Exception(SigV4Exception.INCOMPLETE_SIGNATURE, "'" + token
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                            + trimmed + "'.");
                }
                parameters.put(token.substring(0, equals), token.substring(equals + 1));
            }

            String credential = parameters.getOrDefault("Credential", "");
            String signature = parameters.getOrDefault("Signature", "");
            String signedHeaders = parameters.get("SignedHeaders");
            String dateHeader = request.firstHeader("x-amz-date").isPresent() ? "x-amz-date" : "date";
            String date = request.firstHeader(dateHeader).map(String::strip).orElse("");

            // Every missing piece is reported at once, then the header as sent, e.g. "Authorization
            // header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'
            // parameter. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF" (brendanhay/amazonka#316;
            // same shape in dynalite and aws/chalice#828).
            List<String> missing = new ArrayList<>();
            if (credential.isEmpty()) {
                missing.add("Authorization header requires 'Credential' parameter.");
            }
            if (signature.isEmpty()) {
                missing.add("Authorization header requires 'Signature' parameter.");
            }
            if (signedHeaders == null) {
                missing.add("Authorization header requires 'SignedHeaders' parameter.");
            }
            if (date.isEmpty()) {
                missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            }
            if (!missing.isEmpty()) {
                throw new SigV4Exception(SigV4Exception.INCOMPLETE_SIGNATURE,
                        String.join(" ", missing) + " Authorization=" + header);
            }
            List<String> names = new ArrayList<>();
            for (String name : signedHeaders.split(";")) {
                if (!name.isEmpty()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
            return new Authorization(credential, List.copyOf(names), signature, date, dateHeader);
        }

        void requireSigned(String headerName, String message) throws SigV4Exception {
            if (!signedHeaders.contains(headerName)) {
                throw new SigV4Exception(SigV4Exception.INVALID_SIGNATURE, message);
            }
        }
    }

    /**
     * {@code Credential=accessKeyId/yyyyMMdd/region/service/aws4_request}.
     */
    private record CredentialScope(String accessKeyId, String date, String region, String service,
                                   String terminator) {

        /** The scope as it goes into the string to sign: everything after the access key id. */
        String scope() {
            return date + "/" + region + "/" + service + "/" + terminator;
        }

        /**
         * Texts from real DynamoDB responses recorded in dynalite; the service check matches observed
         * answers such as "Credential should be scoped to correct service: 'sagemaker'." All scope
         * problems are reported together, as AWS does.
         */
        static CredentialScope parse(String credential, String requestDate, String service) throws SigV4Exception {
            // String.split drops trailing empty strings: AWS likewise ignores trailing slashes.
            String[] parts = credential.split("/");
            if (parts.length != 5) {
                throw new SigV4Exception(SigV4Exception.INCOMPLETE_SIGNATURE,
                        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                                + " got '" + credential + "'");
            }
            var scope = new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
            List<String> problems = new ArrayList<>();
            // Any region is accepted: one server answers for whatever region a client is configured with.
            if (scope.region().isEmpty()) {
                problems.add("Credential should be scoped to a valid region, not ''.");
            }
            if (!scope.service().equals(service)) {
                problems.add("Credential should be scoped to correct service: '" + service + "'.");
            }
            if (!scope.terminator().equals(TERMINATOR)) {
                problems.add("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '"
                        + scope.terminator() + "'.");
            }
            String expectedDate = requestDate.substring(0, 8);
            if (!scope.date().equals(expectedDate)) {
                problems.add("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                        + scope.date() + "' != '" + expectedDate + "', from '" + requestDate + "'.");
            }
            if (!problems.isEmpty()) {
                throw new SigV4Exception(SigV4Exception.INVALID_SIGNATURE, String.join(" ", problems));
            }
            return scope;
        }
    }

    // ---- encoding and crypto helpers -----------------------------------------------------------

    /** SigV4's Trimall: strip, and collapse each run of spaces or tabs to one space. */
    static String trimAll(String value) {
        return HEADER_WHITESPACE.matcher(value.strip()).replaceAll(" ");
    }

    /**
     * RFC 3986 §5.2.4 dot-segment removal, also dropping empty segments ({@code //}) as AWS requires;
     * the leading slash and a trailing slash are kept (the rule botocore's {@code normalize_url_path}
     * implements).
     */
    static String removeDotSegments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else {
                segments.add(segment);
            }
        }
        String leading = path.startsWith("/") ? "/" : "";
        String trailing = path.endsWith("/") && !segments.isEmpty() ? "/" : "";
        return leading + String.join("/", segments) + trailing;
    }

    /** SigV4 UriEncode: unreserved characters as they are, every other UTF-8 byte as {@code %XX}. */
    static String uriEncode(String value, boolean keepSlash) {
        var encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX_UPPER.toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** Decodes {@code %XX} escapes to bytes (as UTF-8); a malformed escape is kept literally. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        var bytes = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length
                    && HexFormat.isHexDigit(raw[i + 1]) && HexFormat.isHexDigit(raw[i + 2])) {
                bytes.write(HexFormat.fromHexDigit(raw[i + 1]) << 4 | HexFormat.fromHexDigit(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA256", e);
        }
    }
}
