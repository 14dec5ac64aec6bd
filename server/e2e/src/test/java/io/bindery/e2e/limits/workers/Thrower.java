package io.bindery.e2e.limits.workers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Always throws an {@link IllegalStateException} with {@link #MESSAGE}. */
public final class Thrower implements Worker {

    /** The message of the exception this worker throws. */
    public static final String MESSAGE = "ledger row 42 is locked";

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        throw new IllegalStateException(MESSAGE);
    }
}
