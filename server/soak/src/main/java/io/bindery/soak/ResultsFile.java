package io.bindery.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes a soak run's results as Markdown: how and where it ran, every figure and verdict. */
final class ResultsFile {

    private ResultsFile() {
    }

    /**
     * Writes the file, replacing it.
     *
     * @param file the file
     * @param options what ran
     * @param results the results
     * @param arguments the runner's arguments
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, SoakOptions options, List<ScenarioResult> results,
            String arguments) throws IOException {
        var text = new StringBuilder();
        boolean passed = results.stream().allMatch(ScenarioResult::passed);
        text.append("# Soak and fault suite: last run\n\n")
                .append("Written by `scripts/soak").append(arguments.isBlank() ? "" : " ")
                .append(arguments).append("`; see README.md, \"Soak and fault suite\", for ")
                .append("what each scenario proves and how conservation is counted.\n\n")
                .append("| | |\n|---|---|\n")
                .append("| command | `scripts/soak").append(arguments.isBlank() ? "" : " ")
                .append(arguments).append("` |\n")
                .append("| date | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" |\n")
                .append("| machine | ").append(machine()).append(" |\n")
                .append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(") |\n")
                .append("| load | ").append(options.duration().toSeconds())
                .append(" s per scenario, ").append(options.connections())
                .append(" connections (overload: ").append(options.connections() * 4)
                .append("), closed loop over loopback from a separate JVM |\n")
                .append("| server | forked with the agent, ").append(ServerUnderTest.MAX_HEAP)
                .append(", embedded H2 ledger, billing file |\n")
                .append("| verdict | ").append(passed ? "**all checks passed**"
                        : "**some checks FAILED**").append(" |\n\n");
        for (ScenarioResult result : results) {
            text.append("## ").append(result.scenario().ordinal() + 1).append(". ")
                    .append(result.scenario().id()).append("\n\n")
                    .append(result.scenario().proves()).append(".\n\n```\n")
                    .append(result.figures()).append('\n');
            result.checks().forEach(check -> text.append("  ").append(check.line())
                    .append('\n'));
            text.append("```\n\n");
        }
        Files.writeString(file, text.toString());
    }

    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return host + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
