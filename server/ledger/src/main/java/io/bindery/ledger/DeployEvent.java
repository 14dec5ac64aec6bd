package io.bindery.ledger;

import java.time.Instant;

/**
 * One thing that happened to a worker's versions: who did what, when, on which node.
 *
 * @param id the event's number, increasing with time within one database
 * @param worker the worker's name
 * @param version the version; 0 is the configuration file's entry
 * @param action what happened
 * @param actor who did it
 * @param nodeId the node that did it
 * @param at when
 * @param detail free text (for {@link DeployAction#REFUSED}, the errors), or {@code null}
 */
public record DeployEvent(long id, String worker, int version, DeployAction action,
        String actor, String nodeId, Instant at, String detail) {
}
