package io.bindery.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks how the agent reads its settings from properties and the environment. */
class AgentSettingsTest {

    @Test
    void defaultsAreOneMillisecondAndEveryGroupOn() {
        AgentSettings settings = AgentSettings.read(name -> null, Map.of());

        assertThat(settings.ioThresholdNanos()).isEqualTo(1_000_000L);
        assertThat(settings.disabled()).isEmpty();
        assertThat(AgentSettings.GROUPS).allMatch(settings::enabled);
        assertThat(settings.describe()).containsEntry("io-threshold", "1ms")
                .containsEntry("instrument.jdbc", "true").hasSize(10);
    }

    @Test
    void environmentVariablesUseTheUpperCasePrefix() {
        AgentSettings settings = AgentSettings.read(name -> null, Map.of(
                "BINDERY_AGENT_IO_THRESHOLD", "250us",
                "BINDERY_AGENT_INSTRUMENT_SOCKETS", "false"));

        assertThat(settings.ioThresholdNanos()).isEqualTo(250_000L);
        assertThat(settings.enabled("sockets")).isFalse();
        assertThat(settings.describe()).containsEntry("io-threshold", "250us");
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        AgentSettings settings = AgentSettings.read(
                Map.of("bindery.agent.io-threshold", "2ms",
                        "bindery.agent.instrument.threads", "FALSE")::get,
                Map.of("BINDERY_AGENT_IO_THRESHOLD", "5ms"));

        assertThat(settings.ioThresholdNanos()).isEqualTo(2_000_000L);
        assertThat(settings.disabled()).containsExactly("threads");
    }

    @Test
    void badValuesFallBackToTheDefaults() {
        AgentSettings settings = AgentSettings.read(
                Map.of("bindery.agent.io-threshold", "soon",
                        "bindery.agent.instrument.http", "maybe")::get, Map.of());

        assertThat(settings.ioThresholdNanos()).isEqualTo(1_000_000L);
        assertThat(settings.enabled("http")).isTrue();
    }

    @Test
    void durationsAcceptUnitsIsoAndBareMilliseconds() {
        assertThat(AgentSettings.parseNanos("10ns")).isEqualTo(10L);
        assertThat(AgentSettings.parseNanos("3 ms")).isEqualTo(3_000_000L);
        assertThat(AgentSettings.parseNanos("2s")).isEqualTo(2_000_000_000L);
        assertThat(AgentSettings.parseNanos("7")).isEqualTo(7_000_000L);
        assertThat(AgentSettings.parseNanos("PT0.001S")).isEqualTo(1_000_000L);
        assertThat(AgentSettings.parseNanos("0")).isZero();
        assertThatThrownBy(() -> AgentSettings.parseNanos("-1ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-1ms'").hasMessageContaining("1ms, 500us");
    }

    @Test
    void environmentNamesReplaceDashesAndDots() {
        assertThat(AgentSettings.envName("instrument.background"))
                .isEqualTo("BINDERY_AGENT_INSTRUMENT_BACKGROUND");
        assertThat(AgentSettings.envName("io-threshold")).isEqualTo("BINDERY_AGENT_IO_THRESHOLD");
    }
}
