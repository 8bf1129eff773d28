package dev.tobira.bench.sidebyside;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Cognito API call as plain HTTP: the JSON body an AWS SDK sends, posted with the JDK's
 * {@link HttpURLConnection} (keep-alive connections kept by the JDK), without the SDK's per-call work.
 * The driver shares the machine with the server it measures; through the SDK a {@code USER_PASSWORD_AUTH}
 * call cost the driver about 0.65 ms of CPU, a quarter of the two cores at full load, which this cuts to a
 * fraction, as wrk did in the first measurements. The other flows keep the SDK (SigV4 signing, SRP).
 */
final class PlainCall {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer other than 200: the error's {@code __type} (without a namespace) and message. */
    static final class Refused extends RuntimeException {
        final String type;

        Refused(String type, String message) {
            super(type + ": " + message);
            this.type = type;
        }
    }

    private PlainCall() {}

    /** The JSON body of {@code request}, serialised once so a repeated call sends the same bytes. */
    static byte[] body(Object request) {
        return JSON.writeValueAsBytes(request);
    }

    /**
     * Posts {@code body} to {@code endpoint} as the {@code operation} of the Cognito Identity Provider API
     * and returns the parsed answer.
     *
     * @throws Refused when the answer is not 200
     */
    static JsonNode post(String endpoint, String operation, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setFixedLengthStreamingMode(body.length);
        http.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
        http.setRequestProperty("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
        int status = http.getResponseCode();
        // Reading each answer to its end and closing it returns the connection to the JDK's keep-alive cache.
        try (InputStream in = status == 200 ? http.getInputStream() : http.getErrorStream()) {
            JsonNode answer = in == null ? JSON.createObjectNode() : JSON.readTree(in);
            if (status != 200) {
                String type = answer.path("__type").asString("HTTP " + status);
                throw new Refused(type.substring(type.lastIndexOf('#') + 1), answer.path("message").asString(""));
            }
            return answer;
        }
    }
}
