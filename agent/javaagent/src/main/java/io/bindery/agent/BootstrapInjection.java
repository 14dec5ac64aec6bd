package io.bindery.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Extracts the nested bootstrap jar to a temporary file and appends it to the bootstrap class
 * path, before the first transformation and before any agent class touches its types.
 */
final class BootstrapInjection {

    /** The nested jar, next to this class inside the agent jar. */
    static final String RESOURCE = "bindery-agent-bootstrap.jar";

    private BootstrapInjection() {
    }

    static void appendTo(Instrumentation instrumentation) throws IOException {
        if (alreadyOnBootstrapPath()) {
            return;
        }
        Path jar = Files.createTempFile("bindery-agent-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (InputStream in = BootstrapInjection.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("The agent jar has no nested " + RESOURCE + "; rebuild "
                        + "it with 'mvn -pl agent/bootstrap,agent/javaagent install'.");
            }
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    private static boolean alreadyOnBootstrapPath() {
        try {
            Class.forName("io.bindery.agent.bootstrap.ThreadState", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
