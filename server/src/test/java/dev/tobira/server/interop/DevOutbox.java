package dev.tobira.server.interop;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads codes out of a dev server's outbox, as a developer would with curl. */
public final class DevOutbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DevOutbox() {}

    /** The newest message to {@code address}, as JSON; fails if there is none. */
    public static JsonNode newest(String endpoint, String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint
                            + "/_tobira/outbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode messages = JSON.readTree(response.body()).get("messages");
            if (messages == null || messages.isEmpty()) {
                throw new AssertionError("No message to " + address + ": " + response.body());
            }
            return messages.get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The number of messages to {@code address}. */
    public static int count(String endpoint, String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint
                            + "/_tobira/outbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("messages").size();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The code of {@code digits} digits in the newest message to {@code address}. */
    public static String latestCode(String endpoint, String address, int digits) {
        String body = newest(endpoint, address).get("body").asString();
        Matcher m = Pattern.compile("(?<!\\d)(\\d{" + digits + "})(?!\\d)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("No " + digits + "-digit code in: " + body);
        }
        return m.group(1);
    }
}
