package io.bindery.soak;

/** The six scenarios of the soak, in the order they run. */
enum Scenario {

    /** Steady load on {@code /getuser}. */
    STEADY("steady", "Steady load on /getuser: every answer billed once, nothing left open, "
            + "heap and threads back where they started"),
    /** The OTLP endpoint is a closed port. */
    OTLP_DOWN("otlp-down", "Tracing backend down (OTLP endpoint on a closed port): same "
            + "billing, export failures counted, their log lines bounded"),
    /** The OTLP receiver answers after seconds. */
    OTLP_SLOW("otlp-slow", "Tracing backend slow (OTLP receiver answering after 3 s): same "
            + "billing, spans beyond the export queue dropped and counted, heap bounded"),
    /** The upstream refuses, then answers late, then recovers. */
    UPSTREAM_FAULTS("upstream-faults", "Upstream refuses connections, then answers after the "
            + "fetch timeout, then recovers: clean 502 and 504, billing complete, no growth"),
    /** More connections than the server runs at once. */
    OVERLOAD("overload", "More connections than server.maxConcurrentRequests: the excess is "
            + "shed with 503 before dispatch, every dispatched answer billed, heap bounded"),
    /** Malformed requests mixed into normal load. */
    BAD_INPUT("bad-input", "Malformed requests mixed into normal load: each gets its status, "
            + "the normal requests all answer 200");

    private final String id;
    private final String proves;

    Scenario(String id, String proves) {
        this.id = id;
        this.proves = proves;
    }

    /** @return the scenario's name on the command line and in the report */
    String id() {
        return id;
    }

    /** @return what the scenario proves, one sentence */
    String proves() {
        return proves;
    }

    /**
     * Finds a scenario by its id or its number (1 to 6).
     *
     * @param name such as {@code overload} or {@code 5}
     * @return the scenario
     * @throws IllegalArgumentException naming the known scenarios when none matches
     */
    static Scenario named(String name) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(name) || Integer.toString(scenario.ordinal() + 1)
                    .equals(name)) {
                return scenario;
            }
        }
        var known = new StringBuilder();
        for (Scenario scenario : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(scenario.id);
        }
        throw new IllegalArgumentException("Unknown scenario '" + name + "'; use one of "
                + known + ", or its number 1 to 6.");
    }
}
