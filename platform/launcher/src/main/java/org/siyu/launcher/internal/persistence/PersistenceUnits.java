package org.siyu.launcher.internal.persistence;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.persistence.EntityContribution;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks {@link EntityContribution} services: for each one, off the registering thread, migrates the bundle's
 * schema, builds its SessionFactory with the bundle's class loader and registers a {@link PersistenceUnit}
 * service. When the contribution goes, the unit is unregistered and its SessionFactory closed; data stays.
 */
public final class PersistenceUnits {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceUnits.class);

    private final BundleContext context;
    private final Database database;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "siyu-persistence");
        t.setDaemon(true);
        return t;
    });
    /** Runs a unit's Flyway migrations while the persistence thread builds its SessionFactory. */
    private final ExecutorService migrator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "siyu-migration");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Unit> units = new ConcurrentHashMap<>();
    /** Contributions currently registered; a build that finishes after its contribution left is undone. */
    private final java.util.Set<Long> live = ConcurrentHashMap.newKeySet();
    private ServiceTracker<EntityContribution, EntityContribution> tracker;

    private record Unit(String name, PersistenceUnitService service, ServiceRegistration<PersistenceUnit> registration) {
    }

    public PersistenceUnits(BundleContext context, Database database) {
        this.context = context;
        this.database = database;
    }

    /**
     * Builds and closes an empty SessionFactory on the persistence thread, so that Hibernate's classes are loaded
     * and the first plugin installed afterwards gets its unit in milliseconds rather than seconds.
     */
    public void warmUp() {
        worker.execute(() -> {
            long start = System.nanoTime();
            try {
                UnitFactory.build(database.dataSource(), PersistenceUnits.class.getClassLoader(),
                        java.util.List.of(WarmUpEntity.class)).close();
                LOG.debug("Hibernate warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Hibernate warm-up failed: {}", e.toString());
            }
        });
    }

    public void open() {
        tracker = new ServiceTracker<>(context, EntityContribution.class, null) {
            @Override
            public EntityContribution addingService(ServiceReference<EntityContribution> ref) {
                EntityContribution contribution = context.getService(ref);
                long id = (Long) ref.getProperty("service.id");
                Bundle bundle = ref.getBundle();
                live.add(id);
                worker.execute(() -> create(id, bundle, contribution));
                return contribution;
            }

            @Override
            public void removedService(ServiceReference<EntityContribution> ref, EntityContribution service) {
                long id = (Long) ref.getProperty("service.id");
                live.remove(id);
                // Close at once when the bundle is going: its class loader must be free to be collected.
                closeUnit(id);
                context.ungetService(ref);
            }
        };
        tracker.open(true);
    }

    private void create(long serviceId, Bundle bundle, EntityContribution contribution) {
        if (!live.contains(serviceId) || bundle.getState() == Bundle.UNINSTALLED) {
            return;   // the contribution left while this build waited in the queue
        }
        String unit;
        try {
            unit = contribution.unit();
        } catch (RuntimeException e) {
            LOG.error("Entity contribution of {} failed to name its unit", bundle.getSymbolicName(), e);
            return;
        }
        if (unit == null || !unit.matches("[a-z][a-z0-9]{0,29}")) {
            LOG.error("Entity contribution of {}: unit '{}' must be 1-30 lower-case letters or digits, starting with a letter",
                    bundle.getSymbolicName(), unit);
            return;
        }
        for (Unit u : units.values()) {
            if (u.name.equals(unit)) {
                LOG.error("Unit '{}' of {} is already contributed by another bundle; refused",
                        unit, bundle.getSymbolicName());
                return;
            }
        }
        long start = System.nanoTime();
        try {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                LOG.warn("Bundle {} went away before unit '{}' was built", bundle.getSymbolicName(), unit);
                return;
            }
            ClassLoader loader = wiring.getClassLoader();
            BundleMigrations migrations = new BundleMigrations(bundle, contribution.migrations());
            // The SessionFactory does not read the tables (hbm2ddl=none), so it is built while Flyway migrates.
            java.util.concurrent.CompletableFuture<Integer> migration = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> UnitFactory.migrate(database.dataSource(), unit, migrations), migrator);
            SessionFactory factory;
            int executed;
            try {
                factory = UnitFactory.build(database.dataSource(), loader, contribution.entityClasses());
            } catch (RuntimeException | LinkageError e) {
                migration.exceptionally(t -> 0).join();
                throw e;
            }
            try {
                executed = migration.join();
            } catch (java.util.concurrent.CompletionException e) {
                factory.close();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            PersistenceUnitService service = new PersistenceUnitService(unit, factory, database.dataSource());
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(PersistenceUnit.NAME_PROPERTY, unit);
            props.put("siyu.bundle", bundle.getSymbolicName());
            ServiceRegistration<PersistenceUnit> reg = context.registerService(PersistenceUnit.class, service, props);
            units.put(serviceId, new Unit(unit, service, reg));
            if (!live.contains(serviceId)) {
                closeUnit(serviceId);
                return;
            }
            LOG.info("Persistence unit '{}' of {} ready in {} ms ({} of {} migrations run)", unit,
                    bundle.getSymbolicName(), (System.nanoTime() - start) / 1_000_000, executed, migrations.size());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Persistence unit '{}' of {} failed: {}", unit, bundle.getSymbolicName(), e.toString(), e);
        }
    }

    private void closeUnit(long serviceId) {
        Unit unit = units.remove(serviceId);
        if (unit == null) {
            return;
        }
        try {
            unit.registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the framework
        }
        unit.service.factory().close();
        LOG.info("Persistence unit '{}' closed", unit.name);
    }

    /** Waits until pending unit builds are done; for tests and start-up measurements. */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public void close() {
        if (tracker != null) {
            tracker.close();
        }
        worker.shutdownNow();
        migrator.shutdownNow();
        units.keySet().forEach(this::closeUnit);
    }
}
