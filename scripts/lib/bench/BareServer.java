import io.bindery.demo.UpstreamUserService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Serves the demo's {@code /getuser} answer from a plain Helidon handler: the bare-server
 * baseline against which the Bindery pipeline is measured.
 *
 * <p>Usage: {@code java -cp 'server/core/target/lib/*' BareServer.java PORT}. It starts the
 * demo's upstream user service in the same JVM, as the Bindery demo does; {@code POST /login}
 * answers a fixed token, and {@code GET /getuser} checks that bearer token, calls the upstream
 * ({@code GET /users/alice}) over loopback HTTP with the JDK client, and answers its status,
 * content type and body. It prints {@code Bare public listener on ...} when ready.
 */
public final class BareServer {

    private static final String TOKEN = "bare-token";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var upstream = UpstreamUserService.start(0);
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI user = URI.create(upstream.url() + "/users/alice");
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(r -> r
                        .post("/login", (req, res) -> res
                                .header("Content-Type", "application/json")
                                .send("{\"token\":\"" + TOKEN + "\"}"))
                        .get("/getuser", (req, res) -> getUser(client, user, req, res)))
                .build()
                .start();
        System.out.println("Bare public listener on http://127.0.0.1:" + server.port());
    }

    private static void getUser(HttpClient client, URI user, ServerRequest req,
            ServerResponse res) throws Exception {
        String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!auth.equals("Bearer " + TOKEN)) {
            res.status(401).send();
            return;
        }
        HttpRequest call = HttpRequest.newBuilder(user).header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> answer = client.send(call, HttpResponse.BodyHandlers.ofByteArray());
        res.status(answer.statusCode())
                .header("Content-Type", answer.headers().firstValue("Content-Type")
                        .orElse("application/json"))
                .send(answer.body());
    }
}
