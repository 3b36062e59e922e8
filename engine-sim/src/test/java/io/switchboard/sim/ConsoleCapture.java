package io.switchboard.sim;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures {@code System.out} and {@code System.err} around each test, for the tests of what a command prints:
 * register it with {@code @RegisterExtension final ConsoleCapture console = new ConsoleCapture();} and read
 * {@link #stdout()} and {@link #stderr()}. The streams are restored after each test, whatever it did.
 *
 * <p><b>Threading:</b> the capture replaces process-wide streams, so tests using it must not run concurrently with
 * tests that print (JUnit runs this module's tests on one thread).
 */
public final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(final ExtensionContext context)
    {
        out.reset();
        err.reset();
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** @return what was printed on stdout since the test started (or since {@link #resetOut()}). */
    public String stdout()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return what was printed on stderr since the test started (or since {@link #resetErr()}). */
    public String stderr()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed on stdout so far. */
    public void resetOut()
    {
        out.reset();
    }

    /** Forgets what was printed on stderr so far. */
    public void resetErr()
    {
        err.reset();
    }
}
