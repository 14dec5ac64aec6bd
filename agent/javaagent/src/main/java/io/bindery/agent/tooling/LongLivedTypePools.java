package io.bindery.agent.tooling;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Caches ByteBuddy's type descriptions across transformations for the class loaders that live
 * as long as the process (the bootstrap, platform and system loaders, where the JDK and the
 * server are), and for no other.
 *
 * <p>A cache keyed by any loader would keep every worker jar's loader forever, since its
 * entries reach the loader through their class file locator, and a replaced worker version
 * could never be collected. Types of other loaders are described afresh for each class
 * transformed, which costs little: worker jars are small next to the JDK and the server.
 * Thread-safe.
 */
final class LongLivedTypePools extends AgentBuilder.PoolStrategy.WithTypePoolCache {

    private final ClassLoader system = ClassLoader.getSystemClassLoader();
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    private final TypePool.CacheProvider bootstrapTypes = TypePool.CacheProvider.Simple
            .withObjectType();
    private final TypePool.CacheProvider platformTypes = TypePool.CacheProvider.Simple
            .withObjectType();
    private final TypePool.CacheProvider systemTypes = TypePool.CacheProvider.Simple
            .withObjectType();

    LongLivedTypePools() {
        super(TypePool.Default.ReaderMode.FAST);
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader classLoader) {
        if (classLoader == null) {
            return bootstrapTypes;
        }
        if (classLoader == system) {
            return systemTypes;
        }
        if (classLoader == platform) {
            return platformTypes;
        }
        return TypePool.CacheProvider.Simple.withObjectType();
    }
}
