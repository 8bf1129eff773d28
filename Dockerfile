# syntax=docker/dockerfile:1
# Tobira's container images, two targets from one build (docs/deploy.md, "Containers"):
#   docker build -t tobira .                      the server: `tobira start` on port 9229 (the default target)
#   docker build --target web -t tobira-web .      the web sign-in app alone: `tobira web` on port 8080
# Both run the same jar as a non-root user on a JRE 25, sized by the container's memory limit.

# ---- build: the server jar, with the Maven wrapper on a JDK 25 ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The reactor's POMs (Maven reads every module's) and the two modules the server is built from. Maven's
# repository is a BuildKit cache, kept between builds, so a rebuild downloads nothing it already has.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY lambda/pom.xml lambda/
COPY cdk/pom.xml cdk/
COPY bench/pom.xml bench/
COPY core/ core/
COPY server/ server/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl server -am package \
 && cp server/target/tobira-server.jar /tobira.jar

# ---- runtime: what both images share ----
FROM eclipse-temurin:25-jre AS runtime
# A fixed, unprivileged user; /var/lib/tobira is where an H2 file database may live (one node only).
RUN groupadd --system --gid 10001 tobira \
 && useradd --system --uid 10001 --gid tobira --home-dir /var/lib/tobira --create-home --shell /usr/sbin/nologin tobira
COPY --from=build --chown=root:root /tobira.jar /opt/tobira/tobira.jar
WORKDIR /var/lib/tobira
USER 10001:10001
# Heap from the container's memory limit, not the host's; die on OutOfMemoryError so the orchestrator
# restarts the task; native access for Amazon Corretto Crypto Provider, when present; java.math open to SRP's
# fixed-base tables (the JDK's Montgomery product).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.math=ALL-UNNAMED", "-jar", "/opt/tobira/tobira.jar"]

# ---- web: `tobira web`, the web sign-in app alone, in front of Tobira or Amazon Cognito ----
FROM runtime AS web
ENV TOBIRA_WEB_HOST=0.0.0.0 \
    TOBIRA_WEB_PORT=8080
EXPOSE 8080
# The JRE image has no curl: bash's /dev/tcp asks /actuator/health and wants "200".
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${TOBIRA_WEB_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
CMD ["web"]

# ---- server: `tobira start`, production mode (the default target) ----
FROM runtime AS server
ENV TOBIRA_HOST=0.0.0.0 \
    TOBIRA_PORT=9229
EXPOSE 9229
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${TOBIRA_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
CMD ["start"]
