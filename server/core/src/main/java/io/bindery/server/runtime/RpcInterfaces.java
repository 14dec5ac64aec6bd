package io.bindery.server.runtime;

import java.util.LinkedHashSet;
import java.util.Set;

/** Finds the interfaces a worker class implements, by name. Stateless. */
final class RpcInterfaces {

    private RpcInterfaces() {
    }

    static Class<?> find(Class<?> worker, String name) {
        for (Class<?> type : all(worker)) {
            if (type.getName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    static Set<String> names(Class<?> worker) {
        var names = new LinkedHashSet<String>();
        all(worker).forEach(type -> names.add(type.getName()));
        names.remove("io.bindery.worker.Worker");
        return names;
    }

    private static Set<Class<?>> all(Class<?> worker) {
        var found = new LinkedHashSet<Class<?>>();
        for (Class<?> c = worker; c != null; c = c.getSuperclass()) {
            for (Class<?> type : c.getInterfaces()) {
                collect(type, found);
            }
        }
        return found;
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        if (found.add(type)) {
            for (Class<?> parent : type.getInterfaces()) {
                collect(parent, found);
            }
        }
    }
}
