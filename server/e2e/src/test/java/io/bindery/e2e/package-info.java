/**
 * Runs the real Bindery server in forked JVMs, with the real agent jar attached, and checks
 * what comes out: HTTP answers and the spans written by the {@code bindery-jsonl} exporter.
 *
 * <p>{@link io.bindery.e2e.ForkedServer} is the harness for every end-to-end test; test
 * workers live in {@code io.bindery.e2e.workers} and are named in the configurations the
 * tests write.
 */
package io.bindery.e2e;
