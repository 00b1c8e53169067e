package org.siyu.launcher.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * Two units, each with its own SessionFactory (as two bundles have), share one transaction: a change made
 * through both commits or rolls back as one.
 */
class CrossUnitTransactionTest {

    private HikariDataSource dataSource;
    private SessionFactory alphaFactory;
    private SessionFactory betaFactory;
    private PersistenceUnit alpha;
    private PersistenceUnit beta;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:xunit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE alpha_item (id BIGINT PRIMARY KEY, name VARCHAR(50))");
            s.execute("CREATE TABLE beta_item (id BIGINT PRIMARY KEY, name VARCHAR(50) UNIQUE)");
        }
        alphaFactory = UnitFactory.build(dataSource, new ClassLoader(getClass().getClassLoader()) { }, List.of(Alpha.class));
        betaFactory = UnitFactory.build(dataSource, new ClassLoader(getClass().getClassLoader()) { }, List.of(Beta.class));
        alpha = new PersistenceUnitService("alpha", alphaFactory, dataSource);
        beta = new PersistenceUnitService("beta", betaFactory, dataSource);
    }

    @AfterEach
    void tearDown() {
        alphaFactory.close();
        betaFactory.close();
        dataSource.close();
    }

    @Test
    void shouldCommitChangesOfBothUnitsTogether() throws Exception {
        alpha.inTransaction(em -> {
            em.persist(new Alpha(1, "a"));
            return beta.inTransaction(em2 -> {
                em2.persist(new Beta(1, "b"));
                return null;
            });
        });
        assertEquals(1, count("alpha_item"));
        assertEquals(1, count("beta_item"));
    }

    @Test
    void shouldRollBackBothUnitsWhenTheOuterWorkFails() throws Exception {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> alpha.inTransaction(em -> {
            em.persist(new Alpha(1, "a"));
            beta.inTransaction(em2 -> {
                em2.persist(new Beta(1, "b"));
                return null;
            });
            em.flush();
            throw new IllegalStateException("business rule broken after both units wrote");
        }));
        assertEquals("business rule broken after both units wrote", failure.getMessage());
        assertEquals(0, count("alpha_item"));
        assertEquals(0, count("beta_item"));
    }

    @Test
    void shouldRollBackEverythingWhenTheSecondUnitHitsAConstraint() throws Exception {
        beta.inTransaction(em -> {
            em.persist(new Beta(1, "taken"));
            return null;
        });
        assertThrows(RuntimeException.class, () -> alpha.inTransaction(em -> {
            em.persist(new Alpha(7, "a"));
            return beta.inTransaction(em2 -> {
                em2.persist(new Beta(2, "taken"));
                return null;
            });
        }));
        assertEquals(0, count("alpha_item"), "alpha's insert must not survive beta's constraint failure");
        assertEquals(1, count("beta_item"));
    }

    @Test
    void shouldRollBackWhenInnerFailureIsSwallowedByTheOuterWork() throws Exception {
        assertThrows(RuntimeException.class, () -> alpha.inTransaction(em -> {
            em.persist(new Alpha(3, "a"));
            try {
                beta.inTransaction(em2 -> {
                    throw new IllegalArgumentException("inner failure");
                });
            } catch (IllegalArgumentException ignored) {
                // the outer work goes on, but the transaction is marked for rollback
            }
            return null;
        }));
        assertEquals(0, count("alpha_item"));
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
