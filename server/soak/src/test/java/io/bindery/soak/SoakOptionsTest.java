package io.bindery.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks the runner's command line and the configuration edits of the scenarios. */
class SoakOptionsTest {

    @Test
    void defaultsRunEveryScenarioForSixtySecondsOn256Connections() {
        SoakOptions options = SoakOptions.parse();

        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.connections()).isEqualTo(256);
        assertThat(options.scenarios()).containsExactly(Scenario.values());
    }

    @Test
    void scenariosAreChosenByNameOrNumberAndRunInTheirOrder() {
        SoakOptions options = SoakOptions.parse("--scenario", "bad-input", "--seconds", "5",
                "--scenario", "2", "--connections", "32");

        assertThat(options.scenarios()).containsExactly(Scenario.OTLP_DOWN, Scenario.BAD_INPUT);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.connections()).isEqualTo(32);
    }

    @Test
    void badArgumentsNameTheFix() {
        assertThatThrownBy(() -> SoakOptions.parse("--seconds", "0"))
                .hasMessageContaining("--seconds '0' is not a positive whole number");
        assertThatThrownBy(() -> SoakOptions.parse("--scenario", "soak"))
                .hasMessageContaining("use one of steady, otlp-down");
        assertThatThrownBy(() -> SoakOptions.parse("--connections"))
                .hasMessageContaining("--connections needs a value");
        assertThatThrownBy(() -> SoakOptions.parse("--fast"))
                .hasMessageContaining("Unknown argument '--fast'");
    }

    @Test
    void settingIsAddedAtTheTopOfItsSection() {
        String yaml = "server:\n  port: 0\nlimits:\n  maxInvocations: 3\nworkers: []\n";

        assertThat(Scenarios.setting(yaml, "limits", "fetchTimeout: 1000ms")).isEqualTo(
                "server:\n  port: 0\nlimits:\n  fetchTimeout: 1000ms\n  maxInvocations: 3\n"
                        + "workers: []\n");
        assertThatThrownBy(() -> Scenarios.setting(yaml, "ledger", "url: x"))
                .hasMessageContaining("no 'ledger:' section");
    }
}
