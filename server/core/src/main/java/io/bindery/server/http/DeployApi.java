package io.bindery.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bindery.ledger.DeployEvent;
import io.bindery.ledger.DeployStore;
import io.bindery.ledger.LedgerUnavailableException;
import io.bindery.ledger.StoredVersion;
import io.bindery.server.config.ConfigError;
import io.bindery.server.deploy.RetiredVersion;
import io.bindery.server.deploy.WorkerVersion;
import io.bindery.server.deploy.service.Activation;
import io.bindery.server.deploy.service.DeployConflictException;
import io.bindery.server.deploy.service.DeployService;
import io.bindery.server.deploy.service.Upload;
import io.bindery.server.deploy.service.VersionRefusedException;
import io.bindery.server.deploy.service.VersionState;
import io.bindery.server.deploy.service.WorkerState;
import io.bindery.worker.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the deploy API of the admin listener ({@link DeployService} does the work):
 *
 * <ul>
 *   <li>{@code GET /api/workers}: each worker's active version, label, sha256, who deployed
 *       it and when, how many versions are stored, and its retired versions with whether
 *       their class loader is released;</li>
 *   <li>{@code GET /api/workers/{name}/versions}: its versions, 0 being the configuration's;
 *   </li>
 *   <li>{@code POST /api/workers/{name}/versions} with JSON {@code {"config": "<YAML of the
 *       worker entry without name and jar>", "jar": "<base64>", "label": "...",
 *       "activate": true}}: 201 with the stored version, 422 with every error when it does
 *       not validate (the old version keeps serving);</li>
 *   <li>{@code POST /api/workers/{name}/versions/{n}/activate} and
 *       {@code POST /api/workers/{name}/rollback}: 200 with the active version;</li>
 *   <li>{@code GET /api/deploys?limit=N}: the history, newest first.</li>
 * </ul>
 *
 * <p>Errors are JSON {@code {"error", "message"}}, plus {@code "errors"} for a refused
 * version. Thread-safe.
 */
final class DeployApi {

    /** The paths this API owns start with one of these. */
    static final List<String> PREFIXES = List.of("/api/workers", "/api/deploys");

    /** The most bytes a request body may have: the largest jar in base64, plus the rest. */
    static final int MAX_BODY_BYTES = DeployStore.MAX_JAR_BYTES / 3 * 4 + 1024 * 1024;

    private static final System.Logger LOGGER = System.getLogger(DeployApi.class.getName());
    /** Reads bodies whose jar string is as long as the largest jar in base64. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_BODY_BYTES).build())
            .build());
    private static final Pattern WORKER = Pattern.compile(
            "/api/workers/([A-Za-z0-9][A-Za-z0-9_.-]{0,199})"
                    + "(/versions|/versions/(\\d{1,9})/activate|/rollback)");
    private static final int MAX_CONFIG_CHARS = 100_000;
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 1_000;

    private final DeployService service;

    DeployApi(DeployService service) {
        this.service = service;
    }

    /** @return whether the path belongs to this API */
    static boolean owns(String path) {
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix)
                || path.startsWith(prefix + "/"));
    }

    /**
     * Answers one request.
     *
     * @param method the HTTP method
     * @param path the raw path
     * @param query parameter name to its first value
     * @param body reads the request body, at most {@link #MAX_BODY_BYTES}
     * @param actor who makes the change
     * @return the response
     */
    Response answer(String method, String path, Function<String, Optional<String>> query,
            BodyReader body, String actor) {
        try {
            return route(method, path, query, body, actor);
        } catch (VersionRefusedException e) {
            return refused(e);
        } catch (DeployConflictException e) {
            return error(e.kind() == DeployConflictException.Kind.NOT_FOUND ? 404 : 409,
                    e.kind() == DeployConflictException.Kind.NOT_FOUND ? "not_found" : "conflict",
                    e.getMessage());
        } catch (BadRequest e) {
            return error(e.status, "bad_request", e.getMessage());
        } catch (LedgerUnavailableException e) {
            LOGGER.log(Level.WARNING, "Deploy API: the deploy store failed", e);
            return error(503, "deploy_store_unavailable", e.getMessage());
        }
    }

    private Response route(String method, String path, Function<String, Optional<String>> query,
            BodyReader body, String actor) {
        if (path.equals("/api/workers")) {
            return method.equals("GET") ? json(200, workers()) : notAllowed("GET");
        }
        if (path.equals("/api/deploys")) {
            return method.equals("GET") ? json(200, history(query)) : notAllowed("GET");
        }
        Matcher m = WORKER.matcher(path);
        if (!m.matches()) {
            return error(404, "not_found", "The deploy API has no '" + path + "'; use "
                    + "/api/workers, /api/workers/{name}/versions, "
                    + "/api/workers/{name}/versions/{n}/activate, /api/workers/{name}/rollback "
                    + "or /api/deploys.");
        }
        String worker = m.group(1);
        if (m.group(2).equals("/versions")) {
            return switch (method) {
                case "GET" -> json(200, versions(worker));
                case "POST" -> upload(worker, body.read(), actor);
                default -> notAllowed("GET, POST");
            };
        }
        if (!method.equals("POST")) {
            return notAllowed("POST");
        }
        Activation activation = m.group(3) != null
                ? service.activate(worker, Integer.parseInt(m.group(3)), actor)
                : service.rollback(worker, actor);
        return json(200, activation(activation));
    }

    private Response upload(String worker, byte[] body, String actor) {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest(400, "The body is not JSON (" + e.getMessage().lines()
                    .findFirst().orElse("")
                    + "); send {\"config\": \"<YAML>\", \"jar\": \"<base64>\", \"label\": "
                    + "\"...\", \"activate\": true}.");
        }
        var uploaded = service.upload(new Upload(worker, config(request), jar(request),
                label(request), request.path("activate").asBoolean(true)), actor);
        ObjectNode answer = stored(uploaded.stored());
        answer.put("active", uploaded.activation() != null);
        if (uploaded.activation() != null) {
            answer.put("previous", uploaded.activation().previous());
        }
        return json(201, answer);
    }

    private ObjectNode workers() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("workers");
        for (WorkerState state : service.workers()) {
            WorkerVersion active = state.active();
            ObjectNode node = array.addObject();
            node.put("name", active.worker());
            version(node, active);
            DeployEvent by = state.activation();
            node.put("deployedBy", by == null ? null : by.actor());
            putTime(node, "deployedAt", by == null ? null : by.at());
            node.put("versions", state.storedVersions());
            ArrayNode retired = node.putArray("retired");
            state.retired().forEach(r -> retired(retired.addObject(), r));
        }
        return root;
    }

    private ObjectNode versions(String worker) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("worker", worker);
        ArrayNode array = root.putArray("versions");
        for (VersionState v : service.versions(worker)) {
            ObjectNode node = array.addObject();
            node.put("version", v.version());
            node.put("label", v.label());
            node.put("sha256", v.sha256());
            node.put("size", v.size());
            node.put("createdBy", v.createdBy());
            putTime(node, "createdAt", v.createdAt());
            node.put("status", v.status());
            node.put("active", v.status().equals("active"));
        }
        return root;
    }

    private ObjectNode history(Function<String, Optional<String>> query) {
        int limit = query.apply("limit").map(DeployApi::limit).orElse(DEFAULT_HISTORY);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("deploys");
        for (DeployEvent e : service.history(limit)) {
            ObjectNode node = array.addObject();
            node.put("id", e.id());
            putTime(node, "at", e.at());
            node.put("worker", e.worker());
            node.put("version", e.version());
            node.put("action", e.action().label());
            node.put("actor", e.actor());
            node.put("node", e.nodeId());
            node.put("detail", e.detail());
        }
        return root;
    }

    private static ObjectNode activation(Activation activation) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("worker", activation.active().worker());
        version(node, activation.active());
        node.put("previous", activation.previous());
        return node;
    }

    private static void version(ObjectNode node, WorkerVersion v) {
        node.put("version", v.version());
        node.put("label", v.label());
        node.put("sha256", v.sha256());
        node.put("className", v.className());
        ArrayNode routes = node.putArray("routes");
        v.routes().forEach(routes::add);
        putTime(node, "activatedAt", v.activatedAt());
    }

    private static void retired(ObjectNode node, RetiredVersion r) {
        node.put("version", r.version());
        putTime(node, "retiredAt", r.retiredAt());
        node.put("requestsInFlight", r.requestsInFlight());
        node.put("loaderClosed", r.loaderClosed());
        node.put("loaderCollected", r.loaderCollected());
    }

    private static ObjectNode stored(StoredVersion v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("worker", v.worker());
        node.put("version", v.version());
        node.put("label", v.label());
        node.put("sha256", v.sha256());
        node.put("size", v.size());
        node.put("createdBy", v.createdBy());
        putTime(node, "createdAt", v.createdAt());
        return node;
    }

    private static Response refused(VersionRefusedException e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", "deploy_refused");
        node.put("message", e.getMessage());
        node.put("worker", e.worker());
        node.put("version", e.version());
        node.put("serving", e.serving());
        ArrayNode errors = node.putArray("errors");
        for (ConfigError error : e.errors()) {
            ObjectNode item = errors.addObject();
            item.put("path", error.path());
            item.put("line", error.line());
            item.put("column", error.column());
            item.put("problem", error.problem());
            item.put("fix", error.fix());
            item.put("text", error.render());
        }
        return json(422, node);
    }

    private static String config(JsonNode request) {
        JsonNode config = request.path("config");
        if (!config.isTextual() || config.asText().isBlank()) {
            throw new BadRequest(422, "'config' is missing: send the worker entry's YAML "
                    + "(class, routes, bindings, ... without name and jar) as a string.");
        }
        if (config.asText().length() > MAX_CONFIG_CHARS) {
            throw new BadRequest(422, "'config' has " + config.asText().length()
                    + " characters, more than the " + MAX_CONFIG_CHARS + " an entry may have; "
                    + "send the worker's own entry only.");
        }
        return config.asText();
    }

    private static byte[] jar(JsonNode request) {
        JsonNode jar = request.path("jar");
        byte[] bytes;
        try {
            bytes = jar.isTextual() ? Base64.getMimeDecoder().decode(jar.asText()) : null;
        } catch (IllegalArgumentException e) {
            throw new BadRequest(422, "'jar' is not base64 (" + e.getMessage() + "); send the "
                    + "jar file's bytes encoded with base64.");
        }
        if (bytes == null || bytes.length == 0) {
            throw new BadRequest(422, "'jar' is missing or empty: send the jar file's bytes "
                    + "encoded with base64.");
        }
        if (bytes.length > DeployStore.MAX_JAR_BYTES) {
            throw new BadRequest(413, "The jar has " + bytes.length + " bytes, more than the "
                    + DeployStore.MAX_JAR_BYTES + " a version may have; leave libraries the "
                    + "worker does not use out of it.");
        }
        return bytes;
    }

    private static String label(JsonNode request) {
        JsonNode label = request.path("label");
        if (label.isMissingNode() || label.isNull()) {
            return null;
        }
        if (!label.isTextual() || label.asText().length() > 200) {
            throw new BadRequest(422, "'label' must be a string of at most 200 characters, "
                    + "such as a git sha.");
        }
        return label.asText().isBlank() ? null : label.asText();
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1) {
                return Math.min(limit, MAX_HISTORY);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new BadRequest(400, "The limit '" + text + "' is not a positive whole number; "
                + "use ?limit=1 to ?limit=" + MAX_HISTORY + ".");
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        node.put(field, time == null ? null : time.toString());
    }

    private static Response notAllowed(String allowed) {
        return Response.builder(405).header("Allow", allowed)
                .header("Content-Type", Response.JSON_CONTENT_TYPE)
                .body(write(errorNode("method_not_allowed", "This path answers " + allowed
                        + " only.")))
                .build();
    }

    private static Response error(int status, String error, String message) {
        return json(status, errorNode(error, message));
    }

    private static ObjectNode errorNode(String error, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", error);
        node.put("message", message);
        return node;
    }

    private static Response json(int status, JsonNode node) {
        return Response.json(status, write(node));
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a deploy API answer", e);
        }
    }

    /** Reads a request body; throws {@link BadRequest} (413) when it is too large. */
    @FunctionalInterface
    interface BodyReader {
        byte[] read();
    }

    /** A request the API refuses before doing anything, with its status. */
    static final class BadRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
