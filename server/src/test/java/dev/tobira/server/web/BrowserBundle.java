package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.tobira.server.interop.CognitoIdentityJs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A page module of {@code src/test/node} and what it imports, as one browser script, for the Amplify browser tests. */
final class BrowserBundle {

    private BrowserBundle() {}

    /** Bundles {@code module} into {@code out} with the esbuild in package-lock.json; returns the script. */
    static byte[] of(String module, Path out) throws IOException, InterruptedException {
        Path log = out.resolveSibling(out.getFileName() + ".esbuild.log");
        Process esbuild = new ProcessBuilder(CognitoIdentityJs.PROJECT.resolve("node_modules/.bin/esbuild").toString(),
                module, "--bundle", "--format=iife", "--platform=browser", "--log-level=warning", "--outfile=" + out)
                .directory(CognitoIdentityJs.PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!esbuild.waitFor(2, TimeUnit.MINUTES)) {
            esbuild.destroyForcibly();
            throw new AssertionError("esbuild took more than 2 minutes");
        }
        assertThat(esbuild.exitValue()).as(Files.readString(log)).isZero();
        return Files.readAllBytes(out);
    }

    /** Answers 200 with {@code body} of {@code type} in UTF-8. */
    static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
