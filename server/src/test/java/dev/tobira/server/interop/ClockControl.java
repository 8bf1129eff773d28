package dev.tobira.server.interop;

import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.AdjustableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a client script move a test server's {@link AdjustableClock} in the middle of a sign-in:
 * {@code POST <url>?seconds=N} moves it N seconds ahead and answers 204. Listens on loopback.
 */
final class ClockControl implements AutoCloseable {

    private static final Pattern SECONDS = Pattern.compile("(?:^|&)seconds=(\\d{1,6})(?:&|$)");

    private final HttpServer server;

    private ClockControl(HttpServer server) {
        this.server = server;
    }

    static ClockControl serve(AdjustableClock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                Matcher m = SECONDS.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
                boolean ok = exchange.getRequestMethod().equals("POST") && m.find();
                if (ok) {
                    clock.advance(Duration.ofSeconds(Long.parseLong(m.group(1))));
                }
                exchange.sendResponseHeaders(ok ? 204 : 400, -1);
                exchange.close();
            });
            server.start();
            return new ClockControl(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
