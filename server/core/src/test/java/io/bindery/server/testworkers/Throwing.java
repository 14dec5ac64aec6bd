package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Always throws an {@link IllegalStateException} with a recognisable message. */
public final class Throwing implements Worker {

    /** The message of the exception this worker throws. */
    public static final String MESSAGE = "database password is hunter2";

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        throw new IllegalStateException(MESSAGE);
    }
}
