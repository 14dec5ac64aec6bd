package io.bindery.server.http;

import java.util.OptionalLong;

/**
 * Signals that a request's connection ended inside its body, before the bytes its
 * {@code Content-Length} announced had arrived. The public listener answers it 400.
 */
final class IncompleteBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IncompleteBodyException(OptionalLong declared) {
        super("The request body ended before " + (declared.isPresent() ? "the "
                + declared.getAsLong() + " bytes its Content-Length announced"
                : "its last chunk") + "; send the whole body.");
    }
}
