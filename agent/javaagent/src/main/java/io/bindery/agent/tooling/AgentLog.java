package io.bindery.agent.tooling;

import java.lang.System.Logger.Level;

/**
 * Logs the agent's own messages on the {@code System.Logger} named {@code io.bindery.agent}.
 *
 * <p>The logger is looked up only when a message is logged: looking it up initializes
 * java.util.logging, and an agent that did so in {@code premain} would pre-empt the
 * application's choice of log manager. A normal start therefore logs nothing; the admin API
 * shows the attached agent and its settings.
 */
public final class AgentLog {

    private static final String NAME = "io.bindery.agent";

    private AgentLog() {
    }

    /**
     * Logs a warning.
     *
     * @param message a full sentence
     */
    public static void warning(String message) {
        System.getLogger(NAME).log(Level.WARNING, message);
    }

    /**
     * Logs a warning with its cause.
     *
     * @param message a full sentence
     * @param error the cause
     */
    public static void warning(String message, Throwable error) {
        System.getLogger(NAME).log(Level.WARNING, message, error);
    }
}
