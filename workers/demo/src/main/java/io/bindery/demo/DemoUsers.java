package io.bindery.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the demo's users, their passwords and their records at the upstream user service.
 *
 * <p>Demo data only: {@code alice} / {@code wonderland} and {@code bob} / {@code builder}.
 */
public final class DemoUsers {

    private static final Map<String, String> PASSWORDS = Map.of(
            "alice", "wonderland",
            "bob", "builder");

    private static final Map<String, Map<String, Object>> RECORDS = Map.of(
            "alice", record("alice", "Alice Liddell", "alice@example.com", "pro"),
            "bob", record("bob", "Bob the Builder", "bob@example.com", "free"));

    private DemoUsers() {
    }

    /**
     * Tells whether a user name and password match, in time that does not depend on where
     * the password differs.
     *
     * @param username the user name
     * @param password the password
     * @return {@code true} for a known user with that password
     */
    public static boolean matches(String username, String password) {
        String expected = PASSWORDS.get(username);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        byte[] wanted = (expected == null ? "" : expected).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, wanted) && expected != null;
    }

    /**
     * Returns a user's record as served by the upstream user service.
     *
     * @param username the user name
     * @return the record's fields, or empty for an unknown user
     */
    public static Optional<Map<String, Object>> record(String username) {
        return Optional.ofNullable(RECORDS.get(username));
    }

    private static Map<String, Object> record(String username, String name, String email,
            String plan) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", username);
        fields.put("name", name);
        fields.put("email", email);
        fields.put("plan", plan);
        return Collections.unmodifiableMap(fields);
    }
}
