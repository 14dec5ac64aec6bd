package io.bindery.server.runtime;

import io.bindery.worker.Worker;
import io.bindery.worker.WorkerFactory;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads worker classes: from the server's own class path, or from a worker author's jar.
 *
 * <p>Each distinct jar of the configuration gets one {@link URLClassLoader}, and each deployed
 * version of a worker one of its own. Their parent shows only the worker API (packages
 * {@code io.bindery.worker} and below) of the server's loader, over the JDK's platform
 * loader, so two workers may bundle different versions of the same library; workers named
 * from the same jar in the configuration share its loader. Workers on the server's own class
 * path use the server's loader. This is the one place that decides how worker code is loaded.
 * Thread-safe.
 */
public final class WorkerLoader implements AutoCloseable {

    private final ClassLoader server;
    private final ClassLoader parent;
    private final Map<Path, URLClassLoader> jarLoaders = new ConcurrentHashMap<>();

    private WorkerLoader(ClassLoader server) {
        this.server = server;
        this.parent = new WorkerApiClassLoader(server);
    }

    /**
     * Creates a loader whose jars see the worker API of the given server loader.
     *
     * @param server the server's class loader, which has the worker API
     * @return the loader
     */
    public static WorkerLoader create(ClassLoader server) {
        return new WorkerLoader(server);
    }

    /**
     * Creates a loader under the class loader that loaded the server.
     *
     * @return the loader
     */
    public static WorkerLoader create() {
        return create(WorkerLoader.class.getClassLoader());
    }

    /**
     * Returns the class loader for a worker.
     *
     * @param jar the worker's jar, or {@code null} for the server's class path
     * @return the loader
     */
    public ClassLoader loaderFor(Path jar) {
        if (jar == null) {
            return server;
        }
        return jarLoaders.computeIfAbsent(jar.toAbsolutePath().normalize(),
                path -> newLoader(path, "worker-jar:" + path.getFileName()));
    }

    /**
     * Creates a class loader of its own for one deployed version of a worker, shared with no
     * one; the runtime closes it when the version is retired and drained.
     *
     * @param jar the version's jar, or {@code null} for the server's class path
     * @param name the loader's name, for stack traces and messages
     * @return a new loader, or the server's loader when {@code jar} is {@code null}
     */
    public ClassLoader versionLoader(Path jar, String name) {
        return jar == null ? server : newLoader(jar.toAbsolutePath().normalize(), name);
    }

    /**
     * Closes a worker jar's class loader and forgets it, so that the jar's next use gets a
     * new one; the server's own loader is left alone.
     *
     * @param loader a loader this object returned
     * @return {@code true} when a jar loader was closed
     * @throws IOException when the jar cannot be closed
     */
    public boolean release(ClassLoader loader) throws IOException {
        if (!loadsJar(loader)) {
            return false;
        }
        var jarLoader = (URLClassLoader) loader;
        jarLoaders.values().remove(jarLoader);
        jarLoader.close();
        return true;
    }

    /**
     * Tells whether a class loader is one this object made for a worker jar, rather than the
     * server's own.
     *
     * @param loader a loader this object returned
     * @return {@code true} for a jar's loader
     */
    public boolean loadsJar(ClassLoader loader) {
        return loader instanceof URLClassLoader && loader.getParent() == parent;
    }

    /**
     * Loads and checks a worker class without initializing it.
     *
     * @param className the class's binary name
     * @param jar the worker's jar, or {@code null}
     * @return the class, a concrete public {@link Worker} or {@link WorkerFactory} with a public
     *     no-argument constructor
     * @throws WorkerLoadException naming what is wrong and the fix
     */
    public Class<?> load(String className, Path jar) {
        return load(className, jar, loaderFor(jar));
    }

    /**
     * Loads and checks a worker class from a given loader without initializing it.
     *
     * @param className the class's binary name
     * @param jar the worker's jar, or {@code null}, for messages
     * @param loader the loader, such as one from {@link #versionLoader}
     * @return the class, as {@link #load(String, Path)} returns it
     * @throws WorkerLoadException naming what is wrong and the fix
     */
    public Class<?> load(String className, Path jar, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw notFound(className, jar, e);
        }
        check(type);
        return type;
    }

    /**
     * Creates the worker a checked class stands for: the class itself, or what its factory
     * creates.
     *
     * @param type a class returned by {@link #load}
     * @return the worker
     * @throws WorkerLoadException when the constructor or the factory fails
     */
    public Worker instantiate(Class<?> type) {
        Object instance = construct(type);
        if (instance instanceof Worker worker) {
            return worker;
        }
        Worker created = ((WorkerFactory) instance).create();
        if (created == null) {
            throw new WorkerLoadException("the factory " + type.getName() + " returned null "
                    + "from create()", "return a Worker from create()", null);
        }
        return created;
    }

    /** Closes the class loaders of all jars. */
    @Override
    public void close() throws IOException {
        for (URLClassLoader loader : jarLoaders.values()) {
            loader.close();
        }
        jarLoaders.clear();
    }

    private URLClassLoader newLoader(Path jar, String name) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new WorkerLoadException("the jar path " + jar + " is not a valid URL",
                    "name the jar by a plain file path", e);
        }
        return new URLClassLoader(name, new URL[] {url}, parent);
    }

    private static WorkerLoadException notFound(String name, Path jar, Throwable e) {
        String where = jar == null ? "on the server's class path" : "in " + jar;
        String fix = jar == null
                ? "check the spelling (package included), or add 'jar:' naming the jar that "
                        + "contains it"
                : "check the spelling (package included) and that the jar contains the class";
        String detail = e instanceof ClassNotFoundException ? "" : " (" + e + ")";
        return new WorkerLoadException("the class " + name + " was not found " + where + detail,
                fix, e);
    }

    private static void check(Class<?> type) {
        boolean worker = Worker.class.isAssignableFrom(type);
        if (!worker && !WorkerFactory.class.isAssignableFrom(type)) {
            throw new WorkerLoadException("the class " + type.getName() + " implements neither "
                    + Worker.class.getName() + " nor " + WorkerFactory.class.getName(),
                    "implement Worker (one method: fetch(request, env, ctx)) or name a "
                            + "WorkerFactory that creates one", null);
        }
        int modifiers = type.getModifiers();
        if (type.isInterface() || Modifier.isAbstract(modifiers)
                || !Modifier.isPublic(modifiers)) {
            throw new WorkerLoadException("the class " + type.getName() + " is not a public "
                    + "concrete class", "name a public, non-abstract class", null);
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new WorkerLoadException("the class " + type.getName() + " has no public "
                    + "no-argument constructor", "add one, or name a WorkerFactory instead", e);
        }
    }

    private static Object construct(Class<?> type) {
        try {
            Constructor<?> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new WorkerLoadException("the constructor of " + type.getName() + " threw "
                    + e.getCause(), "make the constructor succeed; do slow or failing set-up "
                    + "on the first request instead", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new WorkerLoadException("the class " + type.getName() + " could not be "
                    + "instantiated: " + e, "give it a public no-argument constructor", e);
        }
    }
}
