package io.bindery.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.server.runtime.WorkerLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String ECHO = "io.bindery.server.testworkers.Echo";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final WorkerLoader workerLoader = WorkerLoader.create();

    @AfterEach
    void closeLoader() throws IOException {
        workerLoader.close();
    }

    @Test
    void validConfigurationLoadsWithDefaults() {
        BinderyConfig config = load("""
                workers:
                  - name: echo
                    class: %s
                    routes: ["/echo", "/api/*"]
                """.formatted(ECHO));

        assertThat(config.server()).isEqualTo(new ServerSettings("127.0.0.1", 8080, 9090,
                Duration.ofSeconds(30), ServerSettings.DEFAULT_MAX_CONCURRENT_REQUESTS));
        assertThat(config.limits()).isEqualTo(Limits.defaults());
        WorkerSpec echo = config.workers().getFirst();
        assertThat(echo.name()).isEqualTo("echo");
        assertThat(echo.account()).isEqualTo("default");
        assertThat(echo.routes()).containsExactly("/echo", "/api/*");
        assertThat(echo.jar()).isNull();
    }

    @Test
    void everySettingIsRead() {
        environment.put("MY_TOKEN_VAR", "s3cret");
        properties.put("UPSTREAM", "http://127.0.0.1:1234");
        BinderyConfig config = load("""
                server:
                  port: 0
                  adminPort: 0
                  host: localhost
                  shutdownGrace: 1500ms
                  maxConcurrentRequests: 64
                limits:
                  backgroundTaskTimeout: 2m
                  maxInvocations: 8
                  fetchConnectTimeout: PT2S
                  fetchTimeout: 5s
                  kvMaxEntries: 10
                workers:
                  - name: a
                    class: %s
                    account: acme
                    bindings: { self: a }
                    vars: { UPSTREAM_URL: "${UPSTREAM}/v1", RETRIES: 3 }
                    secrets: { TOKEN: MY_TOKEN_VAR }
                    kv: { SESSIONS: sessions }
                """.formatted(ECHO));

        assertThat(config.server()).isEqualTo(new ServerSettings("localhost", 0, 0,
                Duration.ofMillis(1500), 64));
        assertThat(config.limits()).isEqualTo(new Limits(Duration.ofMinutes(2), 8,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 10, 1_000, Duration.ofSeconds(30),
                Limits.DEFAULT_MAX_REQUEST_BODY_SIZE, 128 * 1024, 100, 16 * 1024));
        WorkerSpec a = config.workers().getFirst();
        assertThat(a.account()).isEqualTo("acme");
        assertThat(a.bindings()).containsExactly(Map.entry("self", "a"));
        assertThat(a.vars()).containsEntry("UPSTREAM_URL", "http://127.0.0.1:1234/v1")
                .containsEntry("RETRIES", "3");
        assertThat(a.secrets()).containsExactly(Map.entry("TOKEN", "MY_TOKEN_VAR"));
        assertThat(a.kv()).containsExactly(Map.entry("SESSIONS", "sessions"));
    }

    @Test
    void bindingToAnUnknownWorkerNamesTheFieldAndSuggestsTheClosestWorker() {
        ConfigError error = onlyError("""
                workers:
                  - name: gateway
                    class: %s
                    bindings: { auth: auht }
                  - name: auth
                    class: %s
                """.formatted(ECHO, ECHO));

        assertThat(error.path()).isEqualTo("workers[0].bindings.auth");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.problem()).contains("'auht'").contains("not configured");
        assertThat(error.fix()).contains("did you mean 'auth'");
    }

    @Test
    void routeClaimedTwiceNamesBothWorkersAndTheFirstLine() {
        ConfigError error = onlyError("""
                workers:
                  - name: one
                    class: %s
                    routes: ["/login"]
                  - name: two
                    class: %s
                    routes:
                      - /login
                """.formatted(ECHO, ECHO));

        assertThat(error.path()).isEqualTo("workers[1].routes[0]");
        assertThat(error.line()).isEqualTo(8);
        assertThat(error.problem()).contains("'/login'").contains("claimed twice")
                .contains("worker 'one'").contains("line 4");
        assertThat(error.fix()).contains("give each route to one worker");
    }

    @Test
    void missingClassIsReportedWithTheFix() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: io.bindery.server.testworkers.Ecko
                """);

        assertThat(error.path()).isEqualTo("workers[0].class");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.problem()).contains("io.bindery.server.testworkers.Ecko")
                .contains("was not found");
        assertThat(error.fix()).contains("check the spelling").contains("jar:");
    }

    @Test
    void classThatIsNotAWorkerIsReportedWithTheFix() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: io.bindery.server.testworkers.NotAWorker
                """);

        assertThat(error.path()).isEqualTo("workers[0].class");
        assertThat(error.problem()).contains("implements neither")
                .contains("io.bindery.worker.Worker").contains("WorkerFactory");
        assertThat(error.fix()).contains("implement Worker");
    }

    @Test
    void jarThatDoesNotExistIsReportedWithItsResolvedPath() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: com.example.Missing
                    jar: ../nowhere/worker.jar
                """);

        assertThat(error.path()).isEqualTo("workers[0].jar");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.problem()).contains(dir.getParent().resolve("nowhere/worker.jar")
                .toString()).contains("does not exist");
        assertThat(error.fix()).contains("build the jar").contains("configuration file's");
    }

    @Test
    void missingRequiredFieldIsReportedWithTheLineToAdd() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    routes: ["/"]
                """);

        assertThat(error.path()).isEqualTo("workers[0].class");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).contains("required field 'class' is missing");
        assertThat(error.fix()).contains("add 'class: ");
    }

    @Test
    void typoInAKeySuggestsTheClosestKnownKey() {
        ConfigError error = onlyError("""
                server:
                  adminPrt: 9191
                workers:
                  - name: w
                    class: %s
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("server.adminPrt");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).isEqualTo("unknown property 'adminPrt'");
        assertThat(error.fix()).contains("did you mean 'adminPort'")
                .contains("port, adminPort, host, shutdownGrace");
    }

    @Test
    void typoInAWorkerKeyIsFoundToo() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: %s
                    bindngs: { x: w }
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("workers[0].bindngs");
        assertThat(error.fix()).contains("did you mean 'bindings'");
    }

    @Test
    void badDurationIsReportedWithTheAcceptedForms() {
        ConfigError error = onlyError("""
                server:
                  shutdownGrace: 30 seconds
                workers:
                  - name: w
                    class: %s
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("server.shutdownGrace");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).contains("'30 seconds' is not a valid duration");
        assertThat(error.fix()).contains("30s").contains("500ms");
    }

    @Test
    void badPortIsReportedWithTheRange() {
        ConfigError error = onlyError("""
                server:
                  port: 70000
                workers:
                  - name: w
                    class: %s
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("server.port");
        assertThat(error.problem()).contains("'70000' is not a valid port");
        assertThat(error.fix()).contains("1 to 65535").contains("0 for any free port");
    }

    @Test
    void badPortFromTheEnvironmentNamesTheVariable() {
        environment.put("BINDERY_ADMIN_PORT", "nine");
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: %s
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("environment variable BINDERY_ADMIN_PORT");
        assertThat(error.line()).isZero();
        assertThat(error.problem()).contains("'nine' is not a valid port");
    }

    @Test
    void portsFromTheEnvironmentOverrideTheFile() {
        environment.put("BINDERY_PORT", "0");
        environment.put("BINDERY_ADMIN_PORT", "9999");

        BinderyConfig config = load("""
                server: { port: 1234, adminPort: 4321 }
                workers:
                  - { name: w, class: %s }
                """.formatted(ECHO));

        assertThat(config.server().port()).isZero();
        assertThat(config.server().adminPort()).isEqualTo(9999);
    }

    @Test
    void secretWhoseVariableIsNotSetIsAStartError() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: %s
                    secrets: { SIGNING_KEY: BINDERY_TEST_UNSET_KEY }
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("workers[0].secrets.SIGNING_KEY");
        assertThat(error.problem()).contains("BINDERY_TEST_UNSET_KEY").contains("not set");
        assertThat(error.fix()).contains("export BINDERY_TEST_UNSET_KEY=");
    }

    @Test
    void placeholderWithoutValueIsReported() {
        ConfigError error = onlyError("""
                workers:
                  - name: w
                    class: %s
                    vars: { URL: "${NOT_SET_ANYWHERE}" }
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("workers[0].vars.URL");
        assertThat(error.problem()).contains("${NOT_SET_ANYWHERE}");
        assertThat(error.fix()).contains("-DNOT_SET_ANYWHERE=");
    }

    @Test
    void duplicateWorkerNamesAreReported() {
        ConfigError error = onlyError("""
                workers:
                  - { name: w, class: %s }
                  - { name: w, class: %s }
                """.formatted(ECHO, ECHO));

        assertThat(error.path()).isEqualTo("workers[1].name");
        assertThat(error.problem()).contains("'w' is used twice");
    }

    @Test
    void invalidRoutePatternIsReported() {
        ConfigError error = onlyError("""
                workers:
                  - { name: w, class: %s, routes: ["api/*"] }
                """.formatted(ECHO));

        assertThat(error.path()).isEqualTo("workers[0].routes[0]");
        assertThat(error.fix()).contains("/api/*");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ConfigException failure = failure("""
                workers:
                  - name: w
                    class: [unclosed
                """);

        assertThat(failure.errors()).hasSize(1);
        assertThat(failure.errors().getFirst().problem()).contains("not valid YAML");
        assertThat(failure.errors().getFirst().line()).isPositive();
    }

    @Test
    void missingWorkerListIsReported() {
        ConfigError error = onlyError("server:\n  port: 0\n");

        assertThat(error.path()).isEqualTo("workers");
        assertThat(error.problem()).contains("no workers");
        assertThat(error.fix()).contains("workers: []");
    }

    @Test
    void explicitlyEmptyWorkerListStartsAServerWithNoWorkers() {
        assertThat(load("workers: []\n").workers()).isEmpty();
    }

    @Test
    void everyErrorIsReportedAtOnceInFileOrder() {
        ConfigException failure = failure("""
                server:
                  port: -1
                  shutdownGrace: soon
                  colour: blue
                workers:
                  - name: a
                    class: io.bindery.server.testworkers.Missing
                    bindings: { b: nobody }
                  - name: b
                """);

        assertThat(failure.errors()).extracting(ConfigError::path).containsExactly(
                "server.port", "server.shutdownGrace", "server.colour", "workers[0].class",
                "workers[0].bindings.b", "workers[1].class");
        assertThat(failure.getMessage())
                .startsWith("The configuration test.yaml has 6 errors; the server did not start:")
                .contains("test.yaml:2:9: server.port: '-1' is not a valid port. Fix: ");
    }

    @Test
    void maxConcurrentRequestsMustBePositive() {
        ConfigException failure = failure("""
                server:
                  maxConcurrentRequests: 0
                workers: []
                """);

        assertThat(failure.errors()).extracting(ConfigError::path)
                .containsExactly("server.maxConcurrentRequests");
        assertThat(failure.getMessage()).contains("'0' is not a positive");
    }

    @Test
    void loadingAFileNamesItInTheErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("bindery.yaml"), "workers:\n  - name: w\n");

        assertThatThrownBy(() -> ConfigLoader.create(workerLoader).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2:");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> ConfigLoader.create(workerLoader).load(dir.resolve("no.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--config");
    }

    private BinderyConfig load(String yaml) {
        return loader().load("test.yaml", yaml, dir);
    }

    private ConfigError onlyError(String yaml) {
        List<ConfigError> errors = failure(yaml).errors();
        assertThat(errors).as("errors: %s", errors).hasSize(1);
        ConfigError error = errors.getFirst();
        assertThat(error.source()).isEqualTo("test.yaml");
        assertThat(error.render()).contains(error.path()).contains(". Fix: ");
        return error;
    }

    private ConfigException failure(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("The configuration loaded, but errors were expected:\n" + yaml);
    }

    private ConfigLoader loader() {
        return ConfigLoader.create(workerLoader, environment::get, properties::get);
    }
}
