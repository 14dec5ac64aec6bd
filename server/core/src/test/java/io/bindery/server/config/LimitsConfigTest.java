package io.bindery.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.server.runtime.WorkerLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the top-level limits: section and the limits: blocks of workers. */
class LimitsConfigTest {

    private static final String ECHO = "io.bindery.server.testworkers.Echo";

    @TempDir
    Path dir;

    private final WorkerLoader workerLoader = WorkerLoader.create();

    @AfterEach
    void closeLoader() throws IOException {
        workerLoader.close();
    }

    @Test
    void defaultsFollowCloudflareWorkers() {
        Limits limits = Limits.defaults();

        assertThat(limits.maxInvocations()).isEqualTo(32);
        assertThat(limits.maxSubrequests()).isEqualTo(1_000);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.backgroundTaskTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.maxRequestBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(limits.maxHeaderSize()).isEqualTo(128 * 1024);
        assertThat(limits.maxUrlLength()).isEqualTo(16 * 1024);
        assertThat(limits.maxHeaderCount()).isEqualTo(100);
    }

    @Test
    void demoConfigurationSpellsOutTheDefaults() {
        BinderyConfig demo = ConfigLoader.create(workerLoader, name -> null,
                Map.of("DEMO_UPSTREAM_URL", "http://127.0.0.1:1")::get)
                .loadResource("io/bindery/server/demo.yaml", dir);

        assertThat(demo.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void topLevelLimitsReadSizesWithUnitsAndDurations() {
        Limits limits = load("""
                limits:
                  maxSubrequests: 50
                  requestTimeout: 1500ms
                  maxRequestBodySize: 2MiB
                  maxHeaderSize: 64KiB
                  maxHeaderCount: 20
                  maxUrlLength: 8000
                workers:
                  - { name: echo, class: %s }
                """.formatted(ECHO)).limits();

        assertThat(limits.maxSubrequests()).isEqualTo(50);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.maxRequestBodySize()).isEqualTo(2L * 1024 * 1024);
        assertThat(limits.maxHeaderSize()).isEqualTo(64 * 1024);
        assertThat(limits.maxHeaderCount()).isEqualTo(20);
        assertThat(limits.maxUrlLength()).isEqualTo(8000);
        assertThat(limits.maxInvocations()).isEqualTo(32);
    }

    @Test
    void workerBlockOverridesOnlyTheKeysItSets() {
        BinderyConfig config = load("""
                workers:
                  - name: echo
                    class: %s
                    limits: { maxInvocations: 4, requestTimeout: 2s, maxRequestBodySize: 1MB }
                  - { name: plain, class: %s }
                """.formatted(ECHO, ECHO));

        assertThat(config.workers().get(0).limits()).isEqualTo(new WorkerLimits(4, null,
                Duration.ofSeconds(2), null, 1_000_000L, null));
        assertThat(config.workers().get(1).limits()).isEqualTo(WorkerLimits.NONE);
    }

    @Test
    void workerBlockRefusesLimitsHelidonChecksBeforeRouting() {
        assertThatThrownBy(() -> load("""
                workers:
                  - name: echo
                    class: %s
                    limits: { maxHeaderSize: 1KiB, fetchTimeout: 1s, maxInvocatoins: 3 }
                """.formatted(ECHO)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("workers[0].limits.maxHeaderSize")
                .hasMessageContaining("cannot be set per worker, because Helidon checks it "
                        + "before the request is routed")
                .hasMessageContaining("top-level 'limits:' section")
                .hasMessageContaining("'fetchTimeout' cannot be set per worker, because it "
                        + "applies to the whole server")
                .hasMessageContaining("unknown property 'maxInvocatoins'")
                .hasMessageContaining("maxInvocations");
    }

    @Test
    void badSizeNamesTheFieldAndTheAcceptedForms() {
        assertThatThrownBy(() -> load("""
                limits: { maxRequestBodySize: 10 megabytes, maxHeaderSize: 4GiB }
                workers:
                  - { name: echo, class: %s }
                """.formatted(ECHO)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.maxRequestBodySize")
                .hasMessageContaining("'10 megabytes' is not a valid size")
                .hasMessageContaining("10MiB")
                .hasMessageContaining("limits.maxHeaderSize")
                .hasMessageContaining("to 2147483647 bytes");
    }

    @Test
    void sizesAcceptBinaryAndDecimalUnitsInAnyCase() {
        assertThat(Sizes.parse("512")).contains(512L);
        assertThat(Sizes.parse("512b")).contains(512L);
        assertThat(Sizes.parse("128KiB")).contains(128L * 1024);
        assertThat(Sizes.parse("10 mib")).contains(10L * 1024 * 1024);
        assertThat(Sizes.parse("1GiB")).contains(1L << 30);
        assertThat(Sizes.parse("16KB")).contains(16_000L);
        assertThat(Sizes.parse("10MB")).contains(10_000_000L);
        assertThat(Sizes.parse("-1")).isEmpty();
        assertThat(Sizes.parse("1.5MiB")).isEmpty();
        assertThat(Sizes.parse("999999999999999GiB")).isEmpty();
    }

    private BinderyConfig load(String yaml) {
        return ConfigLoader.create(workerLoader, name -> null, Map.<String, String>of()::get)
                .load("test.yaml", yaml, dir);
    }
}
