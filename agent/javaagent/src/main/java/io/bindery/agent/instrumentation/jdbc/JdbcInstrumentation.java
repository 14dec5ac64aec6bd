package io.bindery.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.bindery.agent.bootstrap.Io;
import io.bindery.agent.instrumentation.io.TimedIo.Blocking;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Instruments {@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeBatch}, {@code executeLargeUpdate} and {@code executeLargeBatch} of classes
 * that implement {@code java.sql.Statement} (prepared and callable statements included); group
 * {@code jdbc}. A statement that delegates to another (a pool's wrapper) is timed once: I/O
 * nested in a timed operation is not timed again.
 */
public final class JdbcInstrumentation implements InstrumentationModule {

    @Override
    public String group() {
        return "jdbc";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder.type(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))),
                        new SeesJdbc())
                .transform(Advices.timed(isPublic().and(not(isAbstract()))
                        .and(namedOneOf("execute", "executeQuery", "executeUpdate",
                                "executeBatch", "executeLargeUpdate", "executeLargeBatch")),
                        Blocking.class, Io.JDBC));
    }

    /**
     * Pre-checks a class loader cheaply: only loaders that see {@code java.sql.Statement} can
     * define statements, so the costlier type matcher runs for no other.
     */
    static final class SeesJdbc implements ElementMatcher<ClassLoader> {

        private final Map<ClassLoader, Boolean> seen =
                Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        public boolean matches(ClassLoader loader) {
            if (loader == null) {
                return false;
            }
            return seen.computeIfAbsent(loader,
                    key -> key.getResource("java/sql/Statement.class") != null);
        }
    }
}
