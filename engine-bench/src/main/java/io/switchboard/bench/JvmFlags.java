package io.switchboard.bench;

/**
 * The JVM flags every benchmark fork gets (as compile-time constants for {@code @Fork(jvmArgsAppend)}): Agrona 2.x
 * needs {@code jdk.internal.misc}; Chronicle analytics must never contact the network; Chronicle Queue needs its
 * opens and exports where a benchmark journals; a fixed heap keeps GC sizing out of the numbers. Public for the
 * journal benchmarks' package. Constants only.
 */
public final class JvmFlags
{
    public static final String ADD_EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    public static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    public static final String HEAP_MIN = "-Xms1g";
    public static final String HEAP_MAX = "-Xmx1g";
    // Chronicle Queue on Java 17 (benchmarks that journal)
    public static final String CHRONICLE_OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_IO = "--add-opens=java.base/java.io=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    public static final String CHRONICLE_EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    public static final String CHRONICLE_EXPORTS_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String CHRONICLE_EXPORTS_SUN_MISC = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
    public static final String CHRONICLE_EXPORTS_JAVAC_FILE =
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    public static final String CHRONICLE_OPENS_JAVAC = "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED";

    private JvmFlags()
    {
    }
}
