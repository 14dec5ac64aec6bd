package io.bindery.server.testworkers;

import io.bindery.worker.BindingException;
import io.bindery.worker.Env;
import io.bindery.worker.ExecutionContext;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import io.bindery.worker.Worker;
import java.util.List;

/** Calls {@link Calculator} through the binding {@code calc}, one behaviour per path. */
public final class RpcCaller implements Worker {

    @Override
    public Response fetch(Request request, Env env, ExecutionContext ctx) {
        Calculator calc = env.service("calc", Calculator.class);
        return switch (request.path()) {
            case "/rpc/add" -> add(calc);
            case "/rpc/fail" -> fail(calc);
            case "/rpc/loop" -> loop(calc);
            default -> unsendable(env);
        };
    }

    private static Response unsendable(Env env) {
        try {
            return Response.text(200, env.service("calc", Unsendable.class).upload(null));
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        }
    }

    private static Response add(Calculator calc) {
        Calculator.Total total = calc.add(List.of(1, 2, 3));
        return Response.text(200, total + " same=" + (total == CalculatorWorker.last));
    }

    private static Response fail(Calculator calc) {
        try {
            calc.fail("no luck");
            return Response.text(200, "no failure");
        } catch (BindingException e) {
            return Response.text(500, e.worker() + "|" + e.kind() + "|" + e.getMessage()
                    + "|stack=" + e.getStackTrace().length);
        }
    }

    private static Response loop(Calculator calc) {
        int calls = 0;
        try {
            while (calls < 100) {
                calc.add(List.of(calls));
                calls++;
            }
            return Response.text(200, "no limit");
        } catch (BindingException e) {
            return Response.text(508, calls + "|" + e.kind() + "|" + e.getMessage());
        }
    }
}
