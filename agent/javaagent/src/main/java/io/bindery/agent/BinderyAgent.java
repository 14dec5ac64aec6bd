package io.bindery.agent;

import io.bindery.agent.tooling.AgentInstaller;
import io.bindery.agent.tooling.AgentLog;
import io.bindery.agent.tooling.AgentSettings;
import java.lang.instrument.Instrumentation;

/**
 * Starts the Bindery agent from {@code -javaagent:bindery-agent.jar}.
 *
 * <p>Reads the settings, checks that the OpenTelemetry API and Bindery's telemetry classes are
 * on the application class path (else logs one line and does nothing), appends the bootstrap
 * classes to the bootstrap class path, then installs the instrumentation. A failure to start
 * is logged and never stops the application. A normal start logs nothing (see
 * {@link AgentLog}); the admin API reports the attached agent.
 */
public final class BinderyAgent {

    private static final String[] REQUIRED = {
        "io/opentelemetry/api/trace/Tracer.class",
        "io/opentelemetry/context/Context.class",
        "io/bindery/telemetry/BinderyTelemetry.class",
        "io/bindery/telemetry/AgentStatus.class",
    };

    private BinderyAgent() {
    }

    /**
     * Starts the agent; called by the JVM before {@code main}.
     *
     * @param arguments the agent's argument string; unused, settings come from system
     *     properties and the environment
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            start(instrumentation);
        } catch (Throwable e) {
            AgentLog.warning("The Bindery agent failed to start; the application runs "
                    + "without it.", e);
        }
    }

    private static void start(Instrumentation instrumentation) throws Exception {
        AgentSettings settings = AgentSettings.fromEnvironment();
        String missing = missingClass();
        if (missing != null) {
            AgentLog.warning("The Bindery agent is inactive: " + missing.replace('/', '.')
                    + " is not on the application class path; start the Bindery server "
                    + "(which brings OpenTelemetry and bindery-otel-config) with this agent.");
            return;
        }
        BootstrapInjection.appendTo(instrumentation);
        AgentInstaller.install(instrumentation, settings, version());
    }

    private static String missingClass() {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (String resource : REQUIRED) {
            if (loader.getResource(resource) == null) {
                return resource.substring(0, resource.length() - ".class".length());
            }
        }
        return null;
    }

    private static String version() {
        String version = BinderyAgent.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
