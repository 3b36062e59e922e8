package io.switchboard.bench;

/**
 * The JVM flags every benchmark fork gets (as compile-time constants for {@code @Fork(jvmArgsAppend)}): Agrona 2.x
 * needs {@code jdk.internal.misc}; Chronicle analytics must never contact the network; a fixed heap keeps GC
 * sizing out of the numbers.
 */
final class JvmFlags
{
    static final String ADD_EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";

    private JvmFlags()
    {
    }
}
