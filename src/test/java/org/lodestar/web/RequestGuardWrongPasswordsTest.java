package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The wrong-password counts of {@link RequestGuard}: an address is refused after five within the
 * minute and let in again once it has passed, and addresses whose minute has passed are forgotten,
 * so a guesser rotating through addresses cannot grow the map without end.
 */
class RequestGuardWrongPasswordsTest {
    private static final long MINUTE = RequestGuard.WINDOW_MILLIS;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WrongPasswords guard = new WrongPasswords(RequestGuard.MAX_WRONG, MINUTE, now::get);

    @Test
    void fiveWrongPasswordsRefuseTheAddressForTheRestOfTheMinute() {
        for (int i = 0; i < RequestGuard.MAX_WRONG - 1; i++)
            guard.wrongPassword("10.0.0.1");
        assertEquals(0, guard.refusedFor("10.0.0.1"), "four wrong passwords are not yet refused");
        guard.wrongPassword("10.0.0.1");
        assertEquals(MINUTE, guard.refusedFor("10.0.0.1"));
        assertEquals(0, guard.refusedFor("10.0.0.2"), "another address is not refused");
        now.addAndGet(20_000);
        assertEquals(MINUTE - 20_000, guard.refusedFor("10.0.0.1"));
        now.addAndGet(MINUTE - 20_000 + 1);
        assertEquals(0, guard.refusedFor("10.0.0.1"));
        assertEquals(0, guard.addresses(), "the address whose minute has passed is forgotten when it asks again");
    }

    @Test
    void addressesThatNeverComeBackAreForgottenAfterTheirMinute() {
        for (int i = 0; i < 10_000; i++)
            guard.wrongPassword("2001:db8::" + Integer.toHexString(i));
        assertEquals(10_000, guard.addresses());
        now.addAndGet(MINUTE + 1);
        guard.wrongPassword("192.0.2.7");
        assertEquals(1, guard.addresses(), "only the address of the last minute is kept");
    }

    @Test
    void aSweepKeepsAddressesStillInTheirMinute() {
        now.addAndGet(MINUTE - 5_000);
        for (int i = 0; i < RequestGuard.MAX_WRONG; i++)
            guard.wrongPassword("10.0.0.9");
        guard.wrongPassword("10.0.0.8");
        now.addAndGet(10_000); // a sweep is due: more than a minute since the guard was made
        guard.wrongPassword("10.0.0.7");
        assertEquals(3, guard.addresses(), "none of the three is a minute old yet");
        long retry = guard.refusedFor("10.0.0.9");
        assertTrue(retry > 0 && retry <= MINUTE - 10_000, "still refused for the rest of its minute: " + retry);
    }
}
