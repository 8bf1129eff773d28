package dev.tobira.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the {@code lambda} module's deployable jar is: {@code tobira:lambdaJar} when given, else
 * {@code ../lambda/target/tobira-lambda-<version>-aws.jar} from this module's directory (where
 * {@code cdk.json} is, and where the tests run), the version being this build's.
 */
final class LambdaJar {

    private LambdaJar() {
    }

    /** The jar's path; fails with what to run when it is not there. */
    static Path locate(Optional<String> configured) {
        Path jar = configured.map(Path::of)
                .orElseGet(() -> Path.of("..", "lambda", "target", "tobira-lambda-" + projectVersion() + "-aws.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Lambda jar " + jar + " is missing: build it first with"
                    + " `./mvnw -B package -pl lambda -am -DskipTests` from the repository root"
                    + " (or point -c tobira:lambdaJar=… at it)");
        }
        return jar;
    }

    /** This module's version, which the lambda module shares (the reactor's). */
    static String projectVersion() {
        try (InputStream in = LambdaJar.class.getResourceAsStream("/tobira-cdk.properties")) {
            if (in == null) {
                throw new IllegalStateException("tobira-cdk.properties is not on the classpath: build with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
