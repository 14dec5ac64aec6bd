package io.bindery.soak;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the soak and fault suite from the command line: {@code --seconds N} per scenario
 * (60 by default), {@code --connections N} (256), {@code --scenario NAME} (repeatable; all six
 * by default), {@code --results FILE} (a Markdown report). Prints one line of figures and the
 * verdicts per scenario; exits 0 when every check passed, 1 when one failed, 2 on a bad
 * argument.
 */
public final class Soak {

    private Soak() {
    }

    /**
     * Runs the suite.
     *
     * @param args the command line
     * @throws Exception when a scenario cannot run at all
     */
    public static void main(String[] args) throws Exception {
        Path results = null;
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--results") && i + 1 < args.length) {
                results = Path.of(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        SoakOptions options;
        try {
            options = SoakOptions.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<ScenarioResult> outcome = run(options, System.out);
        if (results != null) {
            ResultsFile.write(results, options, outcome, String.join(" ", rest));
        }
        System.exit(outcome.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    /**
     * Runs the chosen scenarios one after the other and prints each result as it comes.
     *
     * @param options what to run
     * @param out where to print
     * @return the results, in order
     * @throws InterruptedException when interrupted
     */
    static List<ScenarioResult> run(SoakOptions options, PrintStream out)
            throws InterruptedException {
        var scenarios = new Scenarios(options);
        var results = new ArrayList<ScenarioResult>();
        for (Scenario scenario : options.scenarios()) {
            out.println("== " + scenario.id() + ": " + scenario.proves());
            ScenarioResult result = scenarios.run(scenario);
            out.println(result.figures());
            result.checks().forEach(check -> out.println("  " + check.line()));
            results.add(result);
        }
        return results;
    }
}
