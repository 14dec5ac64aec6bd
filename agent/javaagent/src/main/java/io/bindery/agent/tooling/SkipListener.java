package io.bindery.agent.tooling;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports a type that cannot be instrumented: it is skipped, with one WARNING line.
 */
final class SkipListener extends AgentBuilder.Listener.Adapter {

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
            Throwable error) {
        AgentLog.warning("Bindery agent skips " + typeName + ", which it cannot instrument: "
                + error);
    }
}
