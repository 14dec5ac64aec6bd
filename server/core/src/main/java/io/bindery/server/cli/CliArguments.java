package io.bindery.server.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line of {@link DeployCli}: the positional words and the options, each
 * {@code --name value}, {@code --name=value} or a flag. Immutable.
 *
 * @param words the command and its positional arguments, in order
 * @param options option name (without dashes) to value; flags map to {@code "true"}
 */
record CliArguments(List<String> words, Map<String, String> options) {

    private static final Set<String> FLAGS = Set.of("no-activate", "json", "help");
    private static final Set<String> VALUED = Set.of("admin", "token", "as", "label", "limit");

    /** Parses the arguments; throws {@link IllegalArgumentException} naming a bad one. */
    static CliArguments parse(String[] args) {
        var words = new ArrayList<String>();
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                options.put("help", "true");
            } else if (!arg.startsWith("--")) {
                words.add(arg);
            } else {
                i = option(args, i, options);
            }
        }
        return new CliArguments(List.copyOf(words), Map.copyOf(options));
    }

    /** Reads the option at {@code i}; returns the index of its last argument. */
    private static int option(String[] args, int i, Map<String, String> options) {
        String body = args[i].substring(2);
        int equals = body.indexOf('=');
        String name = equals < 0 ? body : body.substring(0, equals);
        if (FLAGS.contains(name) && equals < 0) {
            options.put(name, "true");
            return i;
        }
        if (!VALUED.contains(name)) {
            throw new IllegalArgumentException("unknown option --" + name);
        }
        if (equals >= 0) {
            options.put(name, body.substring(equals + 1));
            return i;
        }
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
        }
        options.put(name, args[i + 1]);
        return i + 1;
    }

    /** @return the option's value, or {@code fallback} */
    String option(String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @return whether the flag is set */
    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** @return the command, or {@code null} when none was given */
    String command() {
        return words.isEmpty() ? null : words.get(0);
    }

    /** Returns the positional arguments after the command; checks how many there are. */
    List<String> operands(int count, String usage) {
        if (words.size() - 1 != count) {
            throw new IllegalArgumentException(words.get(0) + " takes " + count
                    + " argument" + (count == 1 ? "" : "s") + ": " + usage);
        }
        return words.subList(1, words.size());
    }
}
