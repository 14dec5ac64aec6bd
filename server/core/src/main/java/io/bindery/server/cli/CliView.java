package io.bindery.server.cli;

import static io.bindery.server.cli.DeployCli.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the admin API's answers for people: short sentences and aligned tables on standard
 * output, errors with the server's message on standard error; or the raw JSON with
 * {@code --json}. Each method returns the command's exit code.
 */
final class CliView {

    private static final int SHA_SHOWN = 12;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    CliView(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Prints the answer to a push. */
    int pushed(AdminClient.Answer answer) {
        if (!answer.ok()) {
            return failed(answer);
        }
        if (json) {
            return raw(answer);
        }
        JsonNode v = answer.json();
        out.println(text(v.path("worker")) + " version " + text(v.path("version"))
                + " stored (label " + text(v.path("label")) + ", sha256 "
                + sha(v.path("sha256")) + ", " + text(v.path("size")) + " bytes) by "
                + text(v.path("createdBy")) + "; " + (v.path("active").asBoolean()
                        ? "it is active now"
                        : "not activated: run 'scripts/deploy activate " + text(v.path("worker"))
                                + " " + text(v.path("version")) + "' to switch to it"));
        return DeployCli.OK;
    }

    /** Prints the answer to an activation or a rollback. */
    int activated(AdminClient.Answer answer) {
        if (!answer.ok()) {
            return failed(answer);
        }
        if (json) {
            return raw(answer);
        }
        JsonNode v = answer.json();
        out.println(text(v.path("worker")) + " version " + text(v.path("version")) + " ("
                + text(v.path("label")) + ") is active; version " + text(v.path("previous"))
                + " was replaced");
        return DeployCli.OK;
    }

    /** Prints the workers with their active versions and their retired versions. */
    int workers(AdminClient.Answer answer) {
        if (!answer.ok() || json) {
            return answer.ok() ? raw(answer) : failed(answer);
        }
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("WORKER", "VERSION", "LABEL", "SHA256", "DEPLOYED BY", "DEPLOYED AT",
                "VERSIONS"));
        var retired = new ArrayList<List<String>>();
        retired.add(List.of("RETIRED", "VERSION", "AT", "IN FLIGHT", "LOADER"));
        for (JsonNode w : answer.json().path("workers")) {
            rows.add(List.of(text(w.path("name")), text(w.path("version")),
                    text(w.path("label")), sha(w.path("sha256")), text(w.path("deployedBy")),
                    text(w.path("deployedAt")), text(w.path("versions"))));
            for (JsonNode r : w.path("retired")) {
                retired.add(List.of(text(w.path("name")), text(r.path("version")),
                        text(r.path("retiredAt")), text(r.path("requestsInFlight")),
                        loader(r)));
            }
        }
        table(rows);
        if (retired.size() > 1) {
            out.println();
            table(retired);
        }
        return DeployCli.OK;
    }

    /** Prints one worker's versions, the active one marked with {@code *}. */
    int versions(AdminClient.Answer answer) {
        if (!answer.ok() || json) {
            return answer.ok() ? raw(answer) : failed(answer);
        }
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("", "VERSION", "LABEL", "SHA256", "SIZE", "BY", "AT", "STATUS"));
        for (JsonNode v : answer.json().path("versions")) {
            rows.add(List.of(v.path("active").asBoolean() ? "*" : "", text(v.path("version")),
                    text(v.path("label")), sha(v.path("sha256")), text(v.path("size")),
                    text(v.path("createdBy")), text(v.path("createdAt")),
                    text(v.path("status"))));
        }
        table(rows);
        return DeployCli.OK;
    }

    /** Prints the deploy history, newest first. */
    int history(AdminClient.Answer answer) {
        if (!answer.ok() || json) {
            return answer.ok() ? raw(answer) : failed(answer);
        }
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("AT", "WORKER", "VERSION", "ACTION", "BY", "NODE", "DETAIL"));
        for (JsonNode e : answer.json().path("deploys")) {
            rows.add(List.of(text(e.path("at")), text(e.path("worker")),
                    text(e.path("version")), text(e.path("action")), text(e.path("actor")),
                    text(e.path("node")), firstLine(e.path("detail"))));
        }
        table(rows);
        return DeployCli.OK;
    }

    private int failed(AdminClient.Answer answer) {
        if (json) {
            err.println(answer.body());
            return DeployCli.REFUSED;
        }
        JsonNode body = answer.json();
        String message = body.path("message").isTextual() ? body.path("message").asText()
                : answer.body();
        err.println("error: " + message + " (HTTP " + answer.status() + ")");
        for (JsonNode error : body.path("errors")) {
            err.println("  - " + text(error.path("text")));
        }
        return DeployCli.REFUSED;
    }

    private int raw(AdminClient.Answer answer) {
        out.println(answer.body());
        return DeployCli.OK;
    }

    private void table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i)
                        : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String loader(JsonNode retired) {
        if (retired.path("loaderCollected").asBoolean()) {
            return "collected";
        }
        return retired.path("loaderClosed").asBoolean() ? "closed, not yet collected"
                : "in use";
    }

    private static String sha(JsonNode sha256) {
        String sha = text(sha256);
        return sha.length() > SHA_SHOWN ? sha.substring(0, SHA_SHOWN) : sha;
    }

    private static String firstLine(JsonNode detail) {
        String text = text(detail);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
