package io.bindery.server.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Shows a worker jar the worker API and the JDK, and nothing else of the server: classes and
 * resources of {@code io.bindery.worker} and below come from the server's loader, everything
 * else from the platform class loader (and the boot path, where the agent's bootstrap classes
 * are). So a worker jar that bundles its own Jackson or Guava gets its own, whatever version
 * the server or another worker uses.
 *
 * <p>The parent of every worker jar's class loader. Thread-safe and parallel capable.
 */
final class WorkerApiClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "io.bindery.worker.";
    private static final String API_FOLDER = "io/bindery/worker/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader server;

    WorkerApiClassLoader(ClassLoader server) {
        super("bindery-worker-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(API_FOLDER) ? server.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(API_FOLDER) ? server.getResources(name)
                : super.getResources(name);
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }
}
