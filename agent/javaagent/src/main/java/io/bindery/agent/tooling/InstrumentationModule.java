package io.bindery.agent.tooling;

import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Instruments one area (a server class family, sockets, executors, ...): its type matchers,
 * class-loader pre-checks and advice.
 *
 * <p>Implementations are stateless and live in their own package under
 * {@code io.bindery.agent.instrumentation}.
 */
public interface InstrumentationModule {

    /**
     * Returns the settings group that can turn this module off.
     *
     * @return one of {@link AgentSettings#GROUPS}, or {@code request} for the always-on module
     */
    String group();

    /**
     * Returns the JDK classes this module instruments; all other JDK classes are ignored.
     *
     * @return binary class names, empty for modules that instrument application classes only
     */
    default List<String> jdkTypes() {
        return List.of();
    }

    /**
     * Adds this module's transformations.
     *
     * @param builder the agent builder so far
     * @return the builder with this module's transformations
     */
    AgentBuilder extend(AgentBuilder builder);
}
