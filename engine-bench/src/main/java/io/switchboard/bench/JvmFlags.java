package io.switchboard.bench;

/**
 * The JVM flags every benchmark fork gets (as compile-time constants for {@code @Fork(jvmArgsAppend)}): Agrona 2.x
 * needs {@code jdk.internal.misc}; Chronicle analytics must never contact the network; Chronicle Queue needs its
 * opens and exports where a benchmark journals; a fixed heap keeps GC sizing out of the numbers.
 */
final class JvmFlags
{
    static final String ADD_EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";
    // Chronicle Queue on Java 17 (benchmarks that journal)
    static final String CHRONICLE_OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_IO = "--add-opens=java.base/java.io=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String CHRONICLE_OPENS_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String CHRONICLE_EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String CHRONICLE_EXPORTS_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String CHRONICLE_EXPORTS_SUN_MISC = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";

    private JvmFlags()
    {
    }
}
