package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.List;

/** Serves {@link Calculator} and {@link Unsendable}, records the last total it returned. */
public final class CalculatorWorker implements Worker, Calculator, Unsendable {

    /** The last total returned, to check that it reaches the caller as it is. */
    public static volatile Total last;

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        return Response.text(200, "calculator");
    }

    @Override
    public Total add(List<Integer> values) {
        last = new Total(values.stream().mapToInt(Integer::intValue).sum(), values.size());
        return last;
    }

    @Override
    public void fail(String message) {
        throw new IllegalStateException(message);
    }

    @Override
    public String upload(java.io.InputStream body) {
        return "never";
    }
}
