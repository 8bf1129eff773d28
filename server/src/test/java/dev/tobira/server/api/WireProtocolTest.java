package dev.tobira.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS JSON 1.1 protocol as raw HTTP (spec §1): every kind of bad input gets AWS's error shape,
 * HTTP 400, never a 500.
 */
class WireProtocolTest {

    private static RunningTobira tobira;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        return post(target, HttpRequest.BodyPublishers.ofString(body), Map.of());
    }

    private static HttpResponse<String> post(String target, HttpRequest.BodyPublisher body, Map<String, String> extra)
            throws IOException, InterruptedException {
        String amzDate = AMZ_DATE.format(java.time.Instant.now());
        // Dev mode accepts any well-formed signature whose scope date is the request's; admin calls still need one.
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + amzDate.substring(0, 8)
                + "/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature="
                + "0".repeat(64);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Date", amzDate)
                .header("Authorization", authorization)
                .POST(body);
        if (target != null) {
            request.header("X-Amz-Target", "AWSCognitoIdentityProviderService." + target);
        }
        extra.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, String type, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asString()).isEqualTo(type);
        assertThat(body.get("message").asString()).isEqualTo(message);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type + ":");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void postWhenValidThenJson11ResponseWithRequestIdAndNoNulls() throws Exception {
        HttpResponse<String> response = post("CreateUserPool", "{\"PoolName\":\"wire\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.body()).doesNotContain("null").contains("\"Id\":\"us-east-1_")
                .containsPattern("\"CreationDate\":\\d{10}\\.\\d{3}");
    }

    @Test
    void postWhenBodyIsNotJsonThenSerializationException() throws Exception {
        HttpResponse<String> response = post("ListUserPools", "{\"MaxResults\": 10,");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asString()).isEqualTo("SerializationException");
    }

    @Test
    void postWhenBodyIsAJsonArrayThenSerializationException() throws Exception {
        assertError(post("ListUserPools", "[1,2]"), "SerializationException",
                "Start of structure or map found where not expected.");
    }

    @Test
    void postWhenRequiredMemberMissingThenInvalidParameterWithAwsText() throws Exception {
        assertError(post("DescribeUserPool", "{}"), "InvalidParameterException",
                "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void postWhenMemberHasWrongTypeThenSerializationException() throws Exception {
        assertError(post("ListUserPools", "{\"MaxResults\":\"ten\"}"), "SerializationException",
                "STRING_VALUE can not be converted to an Integer");
    }

    @Test
    void postWhenValueOutOfRangeThenInvalidParameter() throws Exception {
        assertError(post("ListUserPools", "{\"MaxResults\":61}"), "InvalidParameterException",
                "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
    }

    @Test
    void postWhenStringTooLongThenInvalidParameter() throws Exception {
        String name = "p".repeat(129);
        assertError(post("CreateUserPool", "{\"PoolName\":\"" + name + "\"}"), "InvalidParameterException",
                "1 validation error detected: Value '" + name + "' at 'poolName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
    }

    @Test
    void postWhenPatternOrEnumBrokenThenEachViolationIsListed() throws Exception {
        HttpResponse<String> response = post("CreateUserPool",
                "{\"PoolName\":\"ok\",\"MfaConfiguration\":\"SOMETIMES\",\"DeletionProtection\":\"MAYBE\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        String message = JSON.readTree(response.body()).get("message").asString();
        assertThat(message).startsWith("2 validation errors detected: ")
                .contains("Value 'SOMETIMES' at 'mfaConfiguration' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OFF, ON, OPTIONAL]")
                .contains("Value 'MAYBE' at 'deletionProtection' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ACTIVE, INACTIVE]");
    }

    @Test
    void postWhenNestedValueInvalidThenPathNamesIt() throws Exception {
        assertError(post("CreateUserPool",
                        "{\"PoolName\":\"ok\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":5}}}"),
                "InvalidParameterException",
                "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 6");
    }

    @Test
    void postWhenBodyExceedsLimitThenRefusedWith400() throws Exception {
        byte[] huge = ("{\"PoolName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpResponse<String> response = post("CreateUserPool", HttpRequest.BodyPublishers.ofByteArray(huge), Map.of());
        assertError(response, "RequestEntityTooLargeException",
                "Request body is larger than the limit of 1048576 bytes.");
    }

    @Test
    void postWhenTargetUnknownOrMissingThenUnknownOperation() throws Exception {
        HttpResponse<String> unknown = post("MakeCoffee", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
        HttpResponse<String> missing = post(null, "{}");
        assertThat(JSON.readTree(missing.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
    }

    @Test
    void postWhenOperationKnownButNotImplementedThenSaysSoInsteadOfSucceeding() throws Exception {
        assertError(post("AdminListDevices", "{\"Username\":\"u\",\"UserPoolId\":\"us-east-1_TobiraDev\"}"),
                "UnsupportedOperationException",
                "Tobira does not implement AdminListDevices (yet). See the README for what is supported.");
    }

    @Test
    void postWhenAdminCallIsUnsignedThenMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertError(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void optionsWhenPreflightThenCorsAllowsTheRequestedHeaders() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent,cache-control")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("content-type,x-amz-target,x-amz-user-agent,cache-control");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    }

    @Test
    void postWhenErrorFromBrowserOriginThenCorsHeadersExposeTheErrorType() throws Exception {
        HttpResponse<String> response = post("DescribeUserPool", HttpRequest.BodyPublishers.ofString("{}"),
                Map.of("Origin", "http://localhost:3000"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("x-amzn-ErrorType");
    }
}
