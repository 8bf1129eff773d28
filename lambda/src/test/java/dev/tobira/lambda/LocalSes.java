package dev.tobira.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the SES v2 API on 127.0.0.1 (a free port): keeps every request it receives and
 * answers each with the status and JSON body last set, by default SES's answer to a sent email.
 */
final class LocalSes implements AutoCloseable {

    /** One request: method, path, the {@code Authorization} header and the JSON body. */
    record Received(String method, String path, String authorization, JsonNode json) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String errorType = null;
    private volatile String body = "{\"MessageId\":\"0100019a-local\"}";

    LocalSes() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(text)));
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (errorType != null) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
                }
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    /** Answers every later request with an SES error. */
    void refuse(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.body = "{\"message\":\"" + message + "\"}";
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
