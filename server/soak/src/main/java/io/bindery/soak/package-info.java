/**
 * Runs the soak and fault suite: forks the real server with the agent, loads it over loopback
 * from this JVM while fixtures inject faults, and checks that every answered request is billed
 * exactly once and that nothing grows without bound.
 */
package io.bindery.soak;
