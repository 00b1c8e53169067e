package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.siyu.testkit.TestPersistenceUnit;

/** Compares the in-memory index with the committed links. */
final class IndexCheck {

    private IndexCheck() {
    }

    static void assertMatches(TestPersistenceUnit unit, OneId oneId) {
        List<Object[]> links = unit.inTransaction(em -> em.createQuery(
                "select l.identity, l.customerId from LinkRow l", Object[].class).getResultList());
        assertEquals(links.size(), oneId.indexed(), "indexed identities");
        for (Object[] link : links) {
            assertEquals((int) (Integer) link[1], oneId.indexed((String) link[0]), "customer of " + link[0]);
        }
    }
}
