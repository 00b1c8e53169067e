package org.siyu.kernel.tagging.internal.scope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siyu.testkit.FakeOrg;
import org.siyu.kernel.tagging.internal.Stores;

/** An account's data scope as customers: unrestricted, its store's customers, or closed with the reason. */
class ScopesTest {

    @Test
    void shouldGiveAStoreManagerTheLiveCustomersOfTheStoresStaff() {
        Scope scope = Stores.scopes().of(Stores.SH_MANAGER);
        assertFalse(scope.unrestricted());
        assertFalse(scope.closed());
        assertEquals("sh-jingan", scope.unit());
        assertArrayEquals(new int[] {1, 2, 5, 7}, scope.within().toArray(),
                "owned by g-1 or g-2; 6 was merged away, 4 has no owner, 3 is another store's");
        assertArrayEquals(new int[] {3}, Stores.scopes().of(Stores.BJ_MANAGER).within().toArray());
        assertEquals("data scope of unit 'sh-jingan' (4 customers)", scope.describe());
    }

    @Test
    void shouldLeaveAnAccountWithoutAUnitUnrestricted() {
        Scope scope = Stores.scopes().of("admin");
        assertSame(Scope.UNRESTRICTED, scope);
        assertNull(scope.within());
        assertEquals("all customers", scope.describe());
    }

    @Test
    void shouldLeaveEveryoneUnrestrictedWithoutTheOrgBundleAsTheIdentityBundleDoes() {
        // ADR 0009: removing the org bundle lifts the data scopes everywhere, the customer list included
        assertTrue(new Scopes(null, Stores.identity()).of(Stores.SH_MANAGER).unrestricted());
    }

    @Test
    void shouldFailClosedForAScopedAccountWhileOneIdIsNotRunning() {
        Scope scope = new Scopes(Stores.org(), null).of(Stores.SH_MANAGER);
        assertTrue(scope.closed());
        assertFalse(scope.unrestricted());
        assertTrue(scope.within().isEmpty(), "nobody, never everybody");
        assertEquals("'sh-manager' sees only the customers of unit 'sh-jingan', and OneID (bundle "
                + "org.siyu.kernel.identity), which knows who owns each customer, is not running: no customers are "
                + "shown", scope.problem().get(Locale.ENGLISH));
        assertTrue(scope.problem().get(Locale.SIMPLIFIED_CHINESE).contains("OneID"));
        assertTrue(new Scopes(Stores.org(), null).of("admin").unrestricted(), "an unscoped account needs no OneID");
    }

    @Test
    void shouldFailClosedWhenTheOrgBundleCannotAnswer() {
        FakeOrg org = Stores.org().failing(new IllegalStateException("org database unreachable"));
        Scope scope = new Scopes(org, Stores.identity()).of("admin");
        assertTrue(scope.closed(), "an account whose scope is unknown may be scoped: nobody");
        assertTrue(scope.within().isEmpty());
        assertTrue(scope.problem().en().contains("org database unreachable"), scope.problem().en());
    }
}
