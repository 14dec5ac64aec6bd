package io.bindery.server.testworkers;

import java.util.List;

/** The typed interface that {@link CalculatorWorker} serves to {@link RpcCaller}. */
public interface Calculator {

    /**
     * Adds numbers up.
     *
     * @param values the numbers; copied across the binding
     * @return their sum and count; passed as it is
     */
    Total add(List<Integer> values);

    /**
     * Fails with the message.
     *
     * @param message the failure's message
     */
    void fail(String message);

    /**
     * The sum and count of some numbers.
     *
     * @param sum the sum
     * @param count how many numbers
     */
    record Total(int sum, int count) {
    }
}
