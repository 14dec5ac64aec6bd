package io.bindery.soak;

import java.util.List;

/**
 * What one scenario measured and decided.
 *
 * @param scenario the scenario
 * @param figures its one line of figures
 * @param checks its verdicts, in order
 */
record ScenarioResult(Scenario scenario, String figures, List<Check> checks) {

    /** @return whether every check passed */
    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** @return the checks that failed */
    List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}
