package io.bindery.ledger;

import java.util.Locale;

/** What a deploy event records; stored in lower case. */
public enum DeployAction {

    /** A new version was stored. */
    DEPLOY,
    /** A version became the one that serves. */
    ACTIVATE,
    /** The previously active version became the one that serves again. */
    ROLLBACK,
    /** A version did not validate and was not activated; nothing changed. */
    REFUSED;

    /** @return whether the event made its version the one that serves */
    public boolean activates() {
        return this == ACTIVATE || this == ROLLBACK;
    }

    /** @return the stored and shown name, such as {@code activate} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the action of a stored name.
     *
     * @param label such as {@code rollback}
     * @return the action
     * @throws IllegalArgumentException for an unknown name
     */
    public static DeployAction of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
