package io.bindery.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.e2e.Configs;
import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Starts forked servers that serve the test worker {@code greeter} (version 0 answers
 * {@code v0} on {@code /greet}) and deploys other versions of it through the admin API.
 * Not thread-safe; one test uses one.
 */
final class Greeters implements AutoCloseable {

    /** The greeter's entry as a deploy sends it: without name and jar. */
    static final String ENTRY = """
            class: e2e.deploy.Greeter
            account: acme
            routes: ["/greet"]
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<ForkedServer> servers = new ArrayList<>();

    Greeters(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts a server whose configuration file serves version 0 of the greeter.
     *
     * @param name the server's folder name
     * @param data the data folder ({@code BINDERY_DATA_DIR}), or {@code null} for the
     *     server's own
     * @param environment more environment variables, as name and value pairs
     * @return the running server
     */
    ForkedServer start(String name, Path data, String... environment) {
        var builder = ForkedServer.builder(name).config(Configs.workers("""
                  - name: greeter
                    jar: %s
                %s""".formatted(jar("v0"), ENTRY.indent(4))));
        if (data != null) {
            builder.env("BINDERY_DATA_DIR", data.toString());
        }
        for (int i = 0; i < environment.length; i += 2) {
            builder.env(environment[i], environment[i + 1]);
        }
        ForkedServer server = builder.start();
        servers.add(server);
        return server;
    }

    /**
     * Uploads and activates the greeter version that answers {@code answer}.
     *
     * @param server the server
     * @param answer what the version answers, such as {@code v2}
     * @param actor who deploys it
     * @return the admin API's response
     */
    HttpResponse<String> upload(ForkedServer server, String answer, String actor) {
        return admin(server, "/api/workers/greeter/versions", body(answer, ENTRY), actor);
    }

    /**
     * Returns the JSON body of an upload of a greeter version.
     *
     * @param answer what the version answers
     * @param entry the entry's YAML
     * @return the body
     */
    String body(String answer, String entry) {
        try {
            var node = JSON.createObjectNode();
            node.put("config", entry);
            node.put("jar", Base64.getEncoder().encodeToString(Files.readAllBytes(
                    jar(answer))));
            node.put("label", "label-" + answer);
            node.put("activate", true);
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds (once) the greeter jar that answers a text.
     *
     * @param answer the text
     * @return the jar
     */
    Path jar(String answer) {
        Path jar = dir.resolve(answer).resolve("greeter.jar");
        return Files.exists(jar) ? jar : GreeterJars.greeter(dir.resolve(answer), answer);
    }

    /** @return a file holding {@link #ENTRY}, for {@code scripts/deploy push} */
    Path entryFile() {
        try {
            return Files.writeString(dir.resolve("greeter.yaml"), ENTRY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every server this started. */
    @Override
    public void close() {
        servers.forEach(ForkedServer::stop);
    }

    /**
     * Asks the greeter for its answer.
     *
     * @param server the server
     * @return the answer, after checking the status is 200
     */
    static String greet(ForkedServer server) {
        HttpResponse<String> response = Http.get(server.uri("/greet"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * Posts JSON to the admin API with the admin token, as an actor.
     *
     * @param server the server
     * @param path the path
     * @param json the body
     * @param actor who makes the change
     * @return the response
     */
    static HttpResponse<String> admin(ForkedServer server, String path, String json,
            String actor) {
        return Http.post(server.adminUrl().resolve(path), json, "Authorization",
                "Bearer " + server.adminToken(), "X-Bindery-Actor", actor);
    }

    /**
     * Gets a path of the admin API with the admin token.
     *
     * @param server the server
     * @param path the path
     * @return the response
     */
    static HttpResponse<String> get(ForkedServer server, String path) {
        return Http.get(server.adminUrl().resolve(path), "Authorization",
                "Bearer " + server.adminToken());
    }
}
