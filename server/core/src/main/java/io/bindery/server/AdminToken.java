package io.bindery.server;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes admin tokens: 32 lowercase hexadecimal characters from a {@link SecureRandom}.
 */
final class AdminToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {
    }

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
