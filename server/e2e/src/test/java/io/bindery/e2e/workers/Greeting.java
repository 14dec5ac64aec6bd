package io.bindery.e2e.workers;

/** The typed interface that {@link GreetingWorker} serves through a binding. */
public interface Greeting {

    /**
     * Greets someone.
     *
     * @param name who
     * @return the greeting
     */
    String greet(String name);
}
