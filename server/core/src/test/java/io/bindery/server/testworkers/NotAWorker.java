package io.bindery.server.testworkers;

/** Has a public constructor but implements neither Worker nor WorkerFactory. */
public final class NotAWorker {
}
