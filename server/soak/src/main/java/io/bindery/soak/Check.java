package io.bindery.soak;

/**
 * One verdict of a scenario: what was checked, whether it held, and the figures behind it.
 *
 * @param name what was checked, such as {@code conservation}
 * @param passed whether it held
 * @param reason the figures that decided it
 */
record Check(String name, boolean passed, String reason) {

    /**
     * Makes a check.
     *
     * @param name what was checked
     * @param passed whether it held
     * @param reason the figures that decided it
     * @return the check
     */
    static Check of(String name, boolean passed, String reason) {
        return new Check(name, passed, reason);
    }

    /** @return {@code PASS name: reason} or {@code FAIL name: reason} */
    String line() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + reason;
    }
}
