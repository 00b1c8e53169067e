package org.siyu.kernel.org.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.events.EventBus;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link OrgService}. Writes go to the database in the caller's transaction; reads come from an
 * immutable {@link OrgTree} of the committed state, replaced after each commit that changed something, so
 * {@link #scope} (called for every page of the customer list) is a map look-up.
 *
 * <p>The tree is reloaded on a thread of its own: a reload on the caller's thread would join the caller's open
 * transaction and could take in rows that later roll back. A reader that finds the tree older than the last commit
 * waits for the reload, so a caller sees its own committed change.
 */
@Component(service = {OrgService.class, Org.class})
public class Org implements OrgService {

    private static final Logger LOG = LoggerFactory.getLogger(Org.class);

    private final PersistenceUnit unit;
    private final Clock clock;
    /** Bumped by every commit that changed the organisation; the tree of that number or later is current. */
    private final AtomicLong version = new AtomicLong();
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "org-tree-reload");
        t.setDaemon(true);
        return t;
    });
    /** The audit lines of each open transaction that changed something, logged when it commits. */
    private final Map<Transaction, List<String>> open = new ConcurrentHashMap<>();
    private volatile OrgTree tree;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Activate
    public Org(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + OrgEntities.UNIT + ")")
            PersistenceUnit unit) {
        this(unit, null, Clock.systemUTC());
    }

    /** For tests: an event bus (or {@code null}) and a clock. */
    Org(PersistenceUnit unit, EventBus bus, Clock clock) {
        this.unit = unit;
        this.bus = bus;
        this.clock = clock;
        long start = System.nanoTime();
        this.tree = load(0);
        LOG.info("Org tree loaded in {} ms: {} units, {} staff, {} linked accounts",
                (System.nanoTime() - start) / 1_000_000, tree.units().size(), tree.allStaff().size(),
                tree.accounts().size());
    }

    @Deactivate
    void deactivate() {
        reloader.shutdownNow();
    }

    // --- reads: the committed tree ---

    @Override
    public List<OrgUnit> units() {
        return tree().units();
    }

    @Override
    public Optional<OrgUnit> unit(String id) {
        return Optional.ofNullable(tree().unit(id));
    }

    @Override
    public List<Staff> staff(String unitId, boolean includeBelow) {
        OrgTree t = tree();
        if (unitId == null) {
            return t.allStaff();
        }
        return t.staffOf(includeBelow ? t.below(unitId) : (t.unit(unitId) == null ? List.of() : List.of(unitId)));
    }

    @Override
    public Optional<Staff> staffMember(String id) {
        return Optional.ofNullable(tree().staffMember(id));
    }

    @Override
    public Optional<String> accountUnit(String account) {
        return Optional.ofNullable(tree().accountUnit(account));
    }

    @Override
    public DataScope scope(String account) {
        OrgTree t = tree();
        return t.scopeOfUnit(t.accountUnit(account));
    }

    /** The scope of an account linked to {@code unitId}. */
    DataScope scopeOf(String unitId) {
        return tree().scopeOfUnit(unitId);
    }

    /** Every linked account and its unit (the view lists them). */
    public Map<String, String> accounts() {
        return tree().accounts();
    }

    /** The direct children of a unit (the view's tree). */
    public List<String> children(String unitId) {
        return tree().children(unitId);
    }

    // --- writes: the caller's transaction ---

    @Override
    public OrgUnit saveUnit(OrgUnit u, String actor) {
        OrgRules.unit(u);
        OrgRules.actor(actor);
        return unit.inTransaction(em -> {
            // one tree writer at a time (also across nodes): two moves checked apart could make a cycle together
            List<UnitEntity> roots = em.createQuery("select u from UnitEntity u where u.parentId is null",
                    UnitEntity.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            UnitEntity row = em.find(UnitEntity.class, u.id());
            checkPlace(em, u, row, roots.isEmpty() ? null : roots.getFirst().id());
            OrgUnit before = row == null ? null : row.unit();
            if (u.equals(before)) {
                return u;
            }
            if (row == null) {
                row = new UnitEntity(u.id());
                row.set(u, now(), actor);
                em.persist(row);
            } else {
                row.set(u, now(), actor);
            }
            changed(em, OrgAudit.record(bus, "org.unit.saved", u.id(), actor, before, u, now()));
            return u;
        });
    }

    @Override
    public Staff saveStaff(Staff s, String actor) {
        OrgRules.staff(s);
        OrgRules.actor(actor);
        return unit.inTransaction(em -> {
            if (em.find(UnitEntity.class, s.unitId()) == null) {
                throw OrgRules.invalid("unitId", "there is no unit '" + s.unitId() + "'");
            }
            if (s.account() != null) {
                List<String> holders = em.createQuery(
                                "select s.id from StaffEntity s where s.account = :a and s.id <> :id", String.class)
                        .setParameter("a", s.account()).setParameter("id", s.id()).getResultList();
                if (!holders.isEmpty()) {
                    throw OrgRules.invalid("account", "'" + s.account() + "' is already the account of staff member '"
                            + holders.getFirst() + "'");
                }
            }
            StaffEntity row = em.find(StaffEntity.class, s.id());
            Staff before = row == null ? null : row.staff();
            if (s.equals(before)) {
                return s;
            }
            if (row == null) {
                row = new StaffEntity(s.id());
                row.set(s, now(), actor);
                em.persist(row);
            } else {
                row.set(s, now(), actor);
            }
            changed(em, OrgAudit.record(bus, "org.staff.saved", s.id(), actor, before, s, now()));
            return s;
        });
    }

    @Override
    public void linkAccount(String account, String unitId, String actor) {
        OrgRules.account(account);
        OrgRules.actor(actor);
        if (unitId != null && unitId.isBlank()) {
            throw OrgRules.invalid("unitId", "is blank; give a unit id, or null to unlink the account");
        }
        unit.inTransaction(em -> {
            AccountUnitEntity row = em.find(AccountUnitEntity.class, account);
            String before = row == null ? null : row.unitId();
            if (Objects.equals(before, unitId)) {
                return null;
            }
            if (unitId == null) {
                em.remove(row);
            } else {
                if (em.find(UnitEntity.class, unitId) == null) {
                    throw OrgRules.invalid("unitId", "there is no unit '" + unitId + "'");
                }
                if (row == null) {
                    row = new AccountUnitEntity(account);
                    row.set(unitId, now(), actor);
                    em.persist(row);
                } else {
                    row.set(unitId, now(), actor);
                }
            }
            Map<String, String> after = new HashMap<>();
            after.put("unitId", unitId);
            changed(em, OrgAudit.record(bus, "org.account.linked", account, actor,
                    before == null ? null : Map.of("unitId", before), after, now()));
            return null;
        });
    }

    /** Where a unit may stand: one root of kind HQ, an existing parent that is no store, no cycle. */
    private static void checkPlace(EntityManager em, OrgUnit u, UnitEntity row, String root) {
        if (u.parentId() == null) {
            if (root != null && !root.equals(u.id())) {
                throw OrgRules.invalid("parentId", "is required: only the root unit '" + root + "' has no parent");
            }
            if (u.kind() != OrgUnit.Kind.HQ) {
                throw OrgRules.invalid("kind", "the root unit is HQ, not " + u.kind());
            }
            return;
        }
        if (u.kind() == OrgUnit.Kind.HQ) {
            throw OrgRules.invalid("kind", "HQ is the root's kind; a unit with a parent is a REGION or a STORE");
        }
        UnitEntity parent = em.find(UnitEntity.class, u.parentId());
        if (parent == null) {
            throw OrgRules.invalid("parentId", "there is no unit '" + u.parentId() + "'");
        }
        if (parent.kind() == OrgUnit.Kind.STORE) {
            throw OrgRules.invalid("parentId", "'" + u.parentId() + "' is a STORE; a " + u.kind()
                    + " cannot be below a store (stores are the leaves: their staff own customers)");
        }
        String at = u.parentId();
        for (int depth = 0; at != null && depth < 10_000; depth++) {
            if (at.equals(u.id())) {
                throw OrgRules.invalid("parentId", u.parentId().equals(u.id())
                        ? "a unit cannot be its own parent"
                        : "'" + u.parentId() + "' is below '" + u.id() + "': a unit cannot move below itself");
            }
            UnitEntity up = em.find(UnitEntity.class, at);
            at = up == null ? null : up.parentId();
        }
        if (row != null && u.kind() == OrgUnit.Kind.STORE) {
            List<String> below = em.createQuery("select u.id from UnitEntity u where u.parentId = :id", String.class)
                    .setParameter("id", u.id()).setMaxResults(1).getResultList();
            if (!below.isEmpty()) {
                throw OrgRules.invalid("kind", "'" + u.id() + "' has units below it ('" + below.getFirst()
                        + "'); a STORE cannot");
            }
        }
    }

    // --- the tree and the after-commit hook ---

    private void changed(EntityManager em, String auditLine) {
        Transaction tx = em.unwrap(Session.class).getTransaction();
        open.computeIfAbsent(tx, t -> {
            t.runAfterCompletion(status -> completed(t, status));
            return new ArrayList<>();
        }).add(auditLine);
    }

    private void completed(Transaction tx, TransactionStatus status) {
        List<String> lines = open.remove(tx);
        if (lines == null || status != TransactionStatus.COMMITTED) {
            return;
        }
        version.incrementAndGet();
        lines.forEach(OrgAudit::log);
        try {
            reloader.execute(this::reload);
        } catch (RuntimeException stopping) {
            // deactivated: nobody reads the tree any more
        }
    }

    /** The tree as of the last commit; waits for the reload if a commit came after the tree was loaded. */
    OrgTree tree() {
        OrgTree current = tree;
        if (current.version() >= version.get()) {
            return current;
        }
        try {
            return reloader.submit(this::reload).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tree;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Runs on the reload thread only, so a reload never joins a caller's transaction. */
    private OrgTree reload() {
        long wanted = version.get();
        if (tree.version() >= wanted) {
            return tree;
        }
        OrgTree loaded = load(wanted);
        tree = loaded;
        return loaded;
    }

    private OrgTree load(long asOf) {
        return unit.inTransaction(em -> {
            List<OrgUnit> units = em.createQuery("select u from UnitEntity u", UnitEntity.class).getResultStream()
                    .map(UnitEntity::unit).toList();
            List<Staff> staff = em.createQuery("select s from StaffEntity s", StaffEntity.class).getResultStream()
                    .map(StaffEntity::staff).toList();
            Map<String, String> accounts = new HashMap<>();
            em.createQuery("select a from AccountUnitEntity a", AccountUnitEntity.class).getResultStream()
                    .forEach(a -> accounts.put(a.account(), a.unitId()));
            return new OrgTree(asOf, units, staff, accounts);
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
