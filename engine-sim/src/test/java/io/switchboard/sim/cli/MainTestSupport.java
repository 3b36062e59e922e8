package io.switchboard.sim.cli;

/** Shares the small test scenario with tests in other packages. */
public final class MainTestSupport
{
    /** A small two-queue scenario. */
    public static final String SMALL = MainTest.SMALL;

    private MainTestSupport()
    {
    }
}
