package io.bindery.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

    @AfterEach
    void tearDown() {
        AgentStatus.reset();
    }

    @Test
    void reportsNotAttachedUntilMarked() {
        assertThat(AgentStatus.attached()).isFalse();
        assertThat(AgentStatus.version()).isNull();
        assertThat(AgentStatus.settings()).isEmpty();
    }

    @Test
    void keepsAnUnmodifiableCopyOfTheSettings() {
        var settings = new HashMap<String, String>();
        settings.put("io.threshold", "1ms");
        settings.put("ignored", null);
        AgentStatus.markAttached("0.1.0", settings);
        settings.put("later", "x");

        assertThat(AgentStatus.attached()).isTrue();
        assertThat(AgentStatus.version()).isEqualTo("0.1.0");
        assertThat(AgentStatus.settings()).containsOnlyKeys("io.threshold");
    }
}
