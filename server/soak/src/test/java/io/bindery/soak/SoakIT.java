package io.bindery.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the short soak inside {@code mvn verify}: all six scenarios, a few seconds of load each,
 * against the real server with the real agent, and asserts every check. The checks are exact
 * (conservation, statuses, nothing open, bounded heap and threads) and never about speed, so
 * a slow machine makes fewer requests, not a failure.
 */
class SoakIT {

    private static final Duration SHORT = Duration.ofSeconds(4);

    @Test
    void everyScenarioPassesEveryCheck() throws InterruptedException {
        var options = new SoakOptions(SHORT, SoakOptions.DEFAULT_CONNECTIONS,
                EnumSet.allOf(Scenario.class));
        var printed = new ByteArrayOutputStream();

        List<ScenarioResult> results = Soak.run(options, new PrintStream(printed, true,
                StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(results).extracting(ScenarioResult::scenario)
                .containsExactly(Scenario.values());
        assertThat(results).flatExtracting(ScenarioResult::failures)
                .as("failed checks; the whole report:%n%s", report).isEmpty();
    }
}
