package io.bindery.e2e;

/** Writes the YAML configurations the end-to-end tests start servers with; ports are 0. */
public final class Configs {

    private static final String SERVER = """
            server:
              port: 0
              adminPort: 0
              host: 127.0.0.1
              shutdownGrace: 5s
            limits:
              backgroundTaskTimeout: 10s
            """;

    private Configs() {
    }

    /**
     * Returns the demo's configuration with get-user calling the given upstream.
     *
     * @param upstreamUrl the upstream user service's base URL
     * @return the YAML text
     */
    public static String demo(String upstreamUrl) {
        return SERVER + """
                workers:
                  - name: api-gateway
                    class: io.bindery.demo.ApiGateway
                    account: demo
                    routes: ["/*"]
                    bindings: { auth: auth, get-user: get-user, login: login, logout: logout }
                  - name: auth
                    class: io.bindery.demo.Auth
                    account: demo
                    kv: { SESSIONS: sessions }
                  - name: login
                    class: io.bindery.demo.Login
                    account: demo
                    kv: { SESSIONS: sessions }
                  - name: logout
                    class: io.bindery.demo.Logout
                    account: demo
                    kv: { SESSIONS: sessions }
                  - name: get-user
                    class: io.bindery.demo.GetUser
                    account: demo
                    vars: { UPSTREAM_URL: "%s" }
                """.formatted(upstreamUrl);
    }

    /**
     * Returns a configuration with the given workers section.
     *
     * @param workers the YAML list under {@code workers:}, indented by two spaces
     * @return the YAML text
     */
    public static String workers(String workers) {
        return SERVER + "workers:\n" + workers;
    }

    /** @return a configuration with an explicitly empty worker list */
    static String noWorkers() {
        return SERVER + "workers: []\n";
    }
}
