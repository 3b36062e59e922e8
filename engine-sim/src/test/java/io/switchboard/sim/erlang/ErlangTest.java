package io.switchboard.sim.erlang;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErlangTest
{
    @Test
    void erlangBMatchesTheClassicTableValue()
    {
        // Erlang B table: 10 Erlangs offered to 10 lines blocks 21.46 %
        assertThat(ErlangC.erlangB(10, 10.0)).isCloseTo(0.2146, within(0.0001));
        assertThat(ErlangC.erlangB(1, 1.0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void erlangCOfOneServerIsTheUtilisation()
    {
        // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda)
        final QueueingAnswer answer = ErlangC.solve(1, 16, 180, 20);
        final double rho = 16.0 / 3600.0 * 180.0;
        assertThat(answer.probWait()).isCloseTo(rho, within(1e-12));
        assertThat(answer.asaSeconds()).isCloseTo(rho / (1.0 / 180.0 - 16.0 / 3600.0), within(1e-9));
    }

    @Test
    void erlangCOfTwoServersMatchesItsClosedForm()
    {
        // M/M/2: P(wait) = 2 rho^2 / (1 + rho)
        final double rho = 0.75;
        assertThat(ErlangC.probWait(2, 2 * rho)).isCloseTo(2 * rho * rho / (1 + rho), within(1e-12));
    }

    @Test
    void erlangCMatchesPublishedValues()
    {
        // ErlangC[3, 2] = 4/9 (textbook value)
        assertThat(ErlangC.probWait(3, 2.0)).isCloseTo(4.0 / 9.0, within(1e-12));
        // call-centre worked example: 100 calls per 30 min, AHT 3 min, 11 agents: P(wait) 68.21 %, SL(20 s) 39.0 %
        final QueueingAnswer eleven = ErlangC.solve(11, 200, 180, 20);
        assertThat(eleven.probWait()).isCloseTo(0.6821, within(0.0001));
        assertThat(eleven.serviceLevel()).isCloseTo(0.3896, within(0.0001));
    }

    @Test
    void overloadedErlangCIsUnstable()
    {
        assertThat(ErlangC.solve(5, 200, 180, 20).stable()).isFalse();
    }

    @Test
    void erlangAWithVeryPatientCustomersApproachesErlangC()
    {
        final QueueingAnswer c = ErlangC.solve(20, 360, 180, 20);
        final QueueingAnswer a = ErlangA.solve(20, 360, 180, 1e9, 20);
        assertThat(a.probWait()).isCloseTo(c.probWait(), within(1e-4));
        assertThat(a.asaSeconds()).isCloseTo(c.asaSeconds(), within(1e-2));
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
        assertThat(a.abandonRate()).isCloseTo(0.0, within(1e-5));
    }

    @Test
    void erlangAWithPatienceEqualToHandleTimeIsAnInfiniteServerQueue()
    {
        // theta = mu: the number in system is Poisson(A); abandonment = E[(N - c)+] / A
        final int servers = 8;
        final double load = 10.0;
        double expectedQueued = 0.0;
        double pn = Math.exp(-load);
        for (int n = 0; n < 200; n++)
        {
            if (n > 0)
            {
                pn *= load / n;
            }
            expectedQueued += Math.max(0, n - servers) * pn;
        }
        final QueueingAnswer a = ErlangA.solve(servers, load / 180.0 * 3600.0, 180, 180, 20);
        assertThat(a.abandonRate()).isCloseTo(expectedQueued / load, within(1e-9));
    }

    @Test
    void erlangAIsInternallyConsistent()
    {
        final QueueingAnswer a = ErlangA.solve(10, 220, 180, 120, 20);
        assertThat(a.abandonRate()).isBetween(0.0, 1.0);
        assertThat(a.serviceLevel()).isLessThan(1.0 - a.abandonRate());
        assertThat(a.probWait()).isBetween(0.0, 1.0);
        assertThat(a.occupancy()).isCloseTo(220.0 / 3600.0 * 180.0 * (1 - a.abandonRate()) / 10, within(1e-9));
    }
}
