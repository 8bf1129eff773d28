package dev.tobira.server.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Limits;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.TobiraCommand;
import dev.tobira.server.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's {@code Dockerfile} and {@code compose.yaml}, checked as far as a machine with no
 * Docker engine can: the images' stages, users, ports, commands and health checks against what
 * {@code docs/deploy.md}'s image contract and the CDK stacks expect, the health check's command run
 * for real against a production server, and the compose file's services and settings against the
 * settings production mode requires ({@link Settings#missingForProduction}) and the options
 * {@code tobira start} and {@code tobira web} read.
 */
class ContainerFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One instruction of a Dockerfile: its keyword and its arguments, continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    /** A build stage: its base, its name, and its instructions. */
    record Stage(String from, String name, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        String only(String keyword) {
            List<String> found = all(keyword);
            assertThat(found).as(keyword + " in stage " + name).hasSize(1);
            return found.getFirst();
        }
    }

    static List<Stage> stages() throws IOException {
        List<Stage> stages = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : Files.readAllLines(REPO.resolve("Dockerfile"))) {
            String text = raw.strip();
            if (line.isEmpty() && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (text.endsWith("\\")) {
                line.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            line.append(text);
            String[] parts = line.toString().split("\\s+", 2);
            line.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                stages.add(new Stage(from[0], from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "",
                        new ArrayList<>()));
            } else {
                stages.getLast().instructions().add(instruction);
            }
        }
        return stages;
    }

    static Stage stage(List<Stage> stages, String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The instructions of {@code name} and of the stages it is built on, base first. */
    static List<Instruction> inherited(List<Stage> stages, String name) {
        Stage stage = stage(stages, name);
        List<Instruction> all = new ArrayList<>();
        if (stages.stream().anyMatch(s -> s.name().equals(stage.from()))) {
            all.addAll(inherited(stages, stage.from()));
        }
        all.addAll(stage.instructions());
        return all;
    }

    static String last(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + keyword));
    }

    static List<String> execForm(String arguments) {
        return JSON.readValue(arguments, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void dockerfileWhenReadThenBuildsOnJdk25AndRunsOnJre25WithTheServerAsTheDefaultTarget() throws IOException {
        List<Stage> stages = stages();
        assertThat(stage(stages, "build").from()).isEqualTo("eclipse-temurin:25-jdk");
        assertThat(String.join("\n", stage(stages, "build").all("RUN"))).contains("./mvnw -B");
        assertThat(stage(stages, "runtime").from()).isEqualTo("eclipse-temurin:25-jre");
        assertThat(stage(stages, "web").from()).isEqualTo("runtime");
        assertThat(stage(stages, "server").from()).isEqualTo("runtime");
        assertThat(stages.getLast().name()).as("docker build with no --target").isEqualTo("server");
    }

    @Test
    void dockerfileWhenReadThenEveryCopiedPathIsInTheRepository() throws IOException {
        for (Stage stage : stages()) {
            for (String copy : stage.all("COPY")) {
                if (copy.startsWith("--from=")) {
                    continue;
                }
                List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                for (String source : words.subList(0, words.size() - 1)) {
                    assertThat(REPO.resolve(source)).as("COPY " + source).exists();
                }
            }
        }
    }

    @Test
    void dockerfileWhenRunThenNonRootWithContainerAwareMemory() throws IOException {
        List<Stage> stages = stages();
        for (String target : List.of("server", "web")) {
            List<Instruction> instructions = inherited(stages, target);
            String user = last(instructions, "USER");
            assertThat(user.split(":")[0]).as("USER of " + target).matches("[1-9][0-9]*");
            List<String> entrypoint = execForm(last(instructions, "ENTRYPOINT"));
            assertThat(entrypoint.getFirst()).isEqualTo("java");
            assertThat(entrypoint).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
                    .containsSubsequence("-jar", "/opt/tobira/tobira.jar");
        }
    }

    @Test
    void dockerfileWhenServerAndWebThenTheirCommandsPortsAndHealthChecksMatchTheImageContract() throws IOException {
        List<Stage> stages = stages();
        Map<String, CommandLine> subcommands = subcommands();
        Map<String, List<String>> expected = Map.of("server", List.of("start", "9229", "TOBIRA_PORT"),
                "web", List.of("web", "8080", "TOBIRA_WEB_PORT"));
        expected.forEach((target, contract) -> {
            Stage stage = stage(stages, target);
            List<String> cmd = execForm(stage.only("CMD"));
            assertThat(cmd).containsExactly(contract.get(0));
            assertThat(subcommands).containsKey(cmd.getFirst());
            assertThat(stage.only("EXPOSE")).isEqualTo(contract.get(1));
            assertThat(stage.only("ENV")).contains(contract.get(2) + "=" + contract.get(1));
            String healthcheck = stage.only("HEALTHCHECK");
            assertThat(healthcheck).contains("/actuator/health").contains("${" + contract.get(2) + "}");
            // Read by the command it configures: a misspelt name would be ignored without a word.
            Set<String> read = environmentRead(subcommands.get(cmd.getFirst()));
            for (String env : stage.only("ENV").split("\\s+")) {
                assertThat(read).contains(env.split("=")[0]);
            }
        });
    }

    /** What the server image's HEALTHCHECK runs, run here by bash against a production server. */
    @Test
    void healthcheckWhenServerUpThenSucceedsAndWhenNothingListensThenFails(@TempDir Path dataDir) throws Exception {
        String healthcheck = stage(stages(), "server").only("HEALTHCHECK");
        List<String> command = execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
        try (RunningTobira tobira = RunningTobira.production(dataDir)) {
            assertThat(run(command, tobira.settings().port())).isZero();
        }
        assertThat(run(command, RunningTobira.freePort())).isNotZero();
    }

    private static int run(List<String> command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TOBIRA_PORT", String.valueOf(port));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** {@code tobira}'s subcommands, their options' defaults as written (variables not resolved). */
    static Map<String, CommandLine> subcommands() {
        return new CommandLine(new TobiraCommand(s -> { })).setInterpolateVariables(false).getSubcommands();
    }

    /** The environment variables the options of {@code command} read ({@code ${env:NAME}} defaults). */
    static Set<String> environmentRead(CommandLine command) {
        Set<String> names = new TreeSet<>();
        Pattern env = Pattern.compile("\\$\\{env:([A-Z0-9_]+)");
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (option.defaultValue() != null) {
                Matcher m = env.matcher(option.defaultValue());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(REPO.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    /** A service's environment, each value as compose would resolve it with none of the variables set. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String service) throws IOException {
        Map<String, String> resolved = new LinkedHashMap<>();
        Pattern variable = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([-?])((?:[^}]|\\}(?!$))*))?}");
        ((Map<String, Object>) service(service).get("environment")).forEach((key, value) -> {
            Matcher m = variable.matcher(String.valueOf(value));
            // ${X:-default} is its default; ${X:?message} must be set: a placeholder stands for the user's value.
            resolved.put(key, m.replaceAll(r -> Matcher.quoteReplacement(
                    "-".equals(r.group(2)) ? r.group(3) : "?".equals(r.group(2)) ? "set-by-user" : "")));
        });
        return resolved;
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeWhenReadThenTobiraInProductionModeWithPostgresAndMailpit() throws IOException {
        Map<String, Object> tobira = service("tobira");
        assertThat((Map<String, Object>) tobira.get("build")).containsEntry("target", "server");
        assertThat((List<String>) tobira.get("ports")).contains("9229:9229");
        assertThat((Map<String, Map<String, String>>) tobira.get("depends_on"))
                .containsEntry("postgres", Map.of("condition", "service_healthy"));
        assertThat(tobira).doesNotContainKey("command");
        assertThat(service("postgres").get("image")).asString().startsWith("postgres:18");
        assertThat(service("mailpit").get("image")).asString().startsWith("axllent/mailpit:");
        Map<String, Object> web = service("web");
        assertThat((Map<String, Object>) web.get("build")).containsEntry("target", "web");
        assertThat(environment("web")).containsEntry("TOBIRA_WEB_ENDPOINT", "http://tobira:9229");
        Set<String> webReads = environmentRead(subcommands().get("web"));
        assertThat(webReads).containsAll(environment("web").keySet());
    }

    @Test
    void composeWhenResolvedThenTobiraHasEverySettingProductionRequiresAndNothingItIgnores() throws IOException {
        Map<String, String> env = environment("tobira");
        Set<String> startReads = environmentRead(subcommands()
                .get("start"));
        assertThat(startReads).containsAll(env.keySet());

        Settings.Delivery delivery = new Settings.Delivery(Optional.ofNullable(env.get("TOBIRA_SMTP_HOST")),
                Integer.parseInt(env.get("TOBIRA_SMTP_PORT")),
                Settings.SmtpSecurity.valueOf(env.get("TOBIRA_SMTP_SECURITY").toUpperCase()), Optional.empty(),
                Optional.empty(), Optional.ofNullable(env.get("TOBIRA_MAIL_FROM")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Settings settings = new Settings(false, "0.0.0.0", 9229, Path.of("."), false,
                Optional.ofNullable(env.get("TOBIRA_DB_URL")), Optional.ofNullable(env.get("TOBIRA_DB_USER")),
                Optional.ofNullable(env.get("TOBIRA_DB_PASSWORD")), env.getOrDefault("TOBIRA_ISSUER_URL", ""),
                Optional.ofNullable(env.get("TOBIRA_ADMIN_ACCESS_KEY_ID")),
                Optional.ofNullable(env.get("TOBIRA_ADMIN_SECRET_ACCESS_KEY")), "us-east-1", "000000000000",
                Settings.DEFAULT_MAX_BODY_BYTES, false, Settings.ApiRateLimits.PRODUCTION, Limits.DEFAULT, delivery,
                Settings.Triggers.none());
        assertThat(settings.missingForProduction()).isEmpty();
        assertThat(settings.delivery().usesSmtp()).isTrue();
        Settings.LogFormat.parse(env.get("TOBIRA_LOG_FORMAT"));

        // The database and the mail server are the compose file's own services.
        Map<String, String> postgres = environment("postgres");
        assertThat(env.get("TOBIRA_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(env.get("TOBIRA_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("TOBIRA_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(env).containsEntry("TOBIRA_SMTP_HOST", "mailpit").containsEntry("TOBIRA_SMTP_PORT", "1025");
        assertThat(env.get("TOBIRA_ADMIN_SECRET_ACCESS_KEY")).as("no default secret").isEqualTo("set-by-user");
    }
}
