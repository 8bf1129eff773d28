package dev.tobira.server.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client (the AWS CLI, python3) as a child process and captures what it prints. */
final class Processes {

    record Result(int exitCode, String stdout, String stderr) {}

    private Processes() {}

    static Result run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            // stderr goes to a file so that a chatty child can never block on a full pipe.
            java.nio.file.Path errFile = java.nio.file.Files.createTempFile("tobira-child", ".err");
            builder.redirectError(errFile.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            String err = java.nio.file.Files.readString(errFile);
            java.nio.file.Files.deleteIfExists(errFile);
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), err);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Credentials and region for a client talking to Tobira; no shared AWS config files are read. */
    static Map<String, String> awsEnvironment(String keyId, String secret) {
        return Map.of(
                "AWS_ACCESS_KEY_ID", keyId,
                "AWS_SECRET_ACCESS_KEY", secret,
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                "AWS_PAGER", "",
                "AWS_MAX_ATTEMPTS", "1");
    }
}
