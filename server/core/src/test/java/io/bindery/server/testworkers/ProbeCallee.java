package io.bindery.server.testworkers;

import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;

/** Records its thread, the request object it received and its own stack. */
public final class ProbeCallee implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Probe.CALLEE_THREAD.set(Thread.currentThread());
        Probe.RECEIVED.set(request);
        Probe.CALLEE_STACK.set(StackWalker.getInstance().walk(frames -> frames
                .map(frame -> frame.getClassName() + "." + frame.getMethodName()).toList()));
        return Response.text(200, "callee ran");
    }
}
