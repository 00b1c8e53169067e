package org.siyu.launcher.internal.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** Migrates a unit's schema and builds its SessionFactory. Stateless; used from the persistence thread. */
public final class UnitFactory {

    private UnitFactory() {
    }

    /**
     * Runs the unit's Flyway migrations with its own history table {@code flyway_<unit>}. The migrations come
     * from {@code migrations}, so Flyway is configured with the host's class loader, never the bundle's: Flyway
     * keeps the last configuration in a static ({@code LogFactory}), which would pin the bundle's class loader
     * after uninstall.
     */
    public static int migrate(DataSource dataSource, String unit, ResourceProvider migrations) {
        return Flyway.configure(UnitFactory.class.getClassLoader())
                .dataSource(dataSource)
                .table("flyway_" + unit)
                .resourceProvider(migrations)
                .javaMigrationClassProvider(List::of)
                // A second migration set in a non-empty schema needs a baseline below V1, else V1 is skipped.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * Builds a SessionFactory for {@code entities}, loading classes through {@code bundleLoader} first and the
     * host's loader second. Sessions are opened on the transaction's connection; the data source is only used
     * for metadata.
     */
    public static SessionFactory build(DataSource dataSource, ClassLoader bundleLoader, List<Class<?>> entities) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(bundleLoader)
                .applyClassLoader(UnitFactory.class.getClassLoader())
                // Closing the SessionFactory must release everything that holds the bundle's class loader.
                .enableAutoClose()
                .build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .enableAutoClose()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
