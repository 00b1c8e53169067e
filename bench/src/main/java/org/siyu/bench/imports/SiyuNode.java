package org.siyu.bench.imports;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.persistence.EntityContribution;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.kernel.events.internal.EventBusService;
import org.siyu.kernel.events.internal.EventsConfig;
import org.siyu.kernel.events.internal.EventsEntities;
import org.siyu.kernel.events.internal.OutboxTransactions;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.StandardChannels;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.kernel.imports.internal.ChannelRegistry;
import org.siyu.kernel.imports.internal.ImportEntities;
import org.siyu.kernel.imports.internal.ImportRecord;
import org.siyu.kernel.imports.internal.Importer;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.launcher.internal.jobs.HostJobs;
import org.siyu.launcher.internal.persistence.Database;
import org.siyu.launcher.internal.persistence.UnitFactory;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;

/**
 * The parts of a node that an import runs through, put together as the host and Declarative Services put them
 * together, without the OSGi framework: the host's {@link Database} (an H2 file with {@code WRITE_DELAY=0}, or
 * PostgreSQL; HikariCP,
 * the host's own tables), each bundle's unit built by the host's {@link UnitFactory} and joined into one JDBC
 * transaction per thread by the host's {@code PersistenceUnitService}/{@code TransactionScope} (so a chunk commits
 * once, as on a node), Flyway with each bundle's migrations and history table, kernel-events' outbox as the
 * {@code EventBus}, OneID with the standard channels and its metatype defaults, the importer with the host's
 * {@link HostJobs} bound into its optional reference. No tagging bundle: the file has no tags column.
 */
final class SiyuNode implements AutoCloseable {

    private final Database database;
    private final List<SessionFactory> factories = new ArrayList<>();
    private final HostJobs jobs;
    private final Importer importer;

    /** How an import went, from the import's record and the job. */
    record Run(long nanos, ImportRecord record, JobInfo job) {
    }

    /** On an H2 file in {@code folder} with the host's default URL. */
    SiyuNode(Path folder) throws Exception {
        this(folder, Database.defaultUrl(folder));
    }

    /** On the database at {@code url} (an H2 file, or PostgreSQL as {@code SIYU_DB_URL} points a node at it). */
    SiyuNode(Path folder, String url) throws Exception {
        database = Database.open(url, folder);
        PersistenceUnit identityUnit = unit(new IdentityEntities());
        PersistenceUnit eventsUnit = unit(new EventsEntities());
        PersistenceUnit importsUnit = unit(new ImportEntities());
        EventBusService bus = new EventBusService(eventsUnit, new OutboxTransactions(), defaults(EventsConfig.class));
        Channels channels = new Channels();
        StandardChannels.all().forEach(channels::addChannel);
        OneId oneId = new OneId(identityUnit, bus, channels, defaults(OneId.Config.class));
        importer = new Importer(importsUnit, oneId, new ChannelRegistry(StandardChannels.all()));
        jobs = new HostJobs(database.dataSource(), null, null);
        // The importer's optional, dynamic reference to the job service: Declarative Services sets the field.
        Field field = Importer.class.getDeclaredField("jobs");
        field.setAccessible(true);
        field.set(importer, jobs);
    }

    /** Migrates the bundle's schema and builds its unit as the host does. */
    private PersistenceUnit unit(EntityContribution entities) throws Exception {
        DataSource ds = database.dataSource();
        Flyway.configure(SiyuNode.class.getClassLoader())
                .dataSource(ds)
                .table("flyway_" + entities.unit())
                .locations("classpath:" + entities.migrations())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        SessionFactory factory = UnitFactory.build(ds, entities.getClass().getClassLoader(), entities.entityClasses());
        factories.add(factory);
        // The host's unit service (package-private: the host registers it as an OSGi service)
        Class<?> type = Class.forName("org.siyu.launcher.internal.persistence.PersistenceUnitService");
        Constructor<?> constructor = type.getDeclaredConstructor(String.class, SessionFactory.class, DataSource.class);
        constructor.setAccessible(true);
        return (PersistenceUnit) constructor.newInstance(entities.unit(), factory, ds);
    }

    /** A configuration annotation with its metatype defaults, as Configuration Admin gives a node without a file. */
    @SuppressWarnings("unchecked")
    static <A> A defaults(Class<A> type) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName() + "(defaults)";
                    default -> method.getDefaultValue();
                });
    }

    /**
     * Imports the file as a user does with {@code mapping=auto}: open (encoding and delimiter detected), the guessed
     * mapping, start the job, wait until it ends. The time runs from opening the file to the job's end.
     *
     * @throws IllegalStateException when the guess is not the intended mapping or the job did not succeed
     */
    Run importFile(Path csv, String name) throws Exception {
        long start = System.nanoTime();
        CsvFile file = CsvFile.open(CsvSource.of(name, csv), Encoding.AUTO, Delimiter.AUTO);
        Mapping mapping = importer.guess(file);
        Mapping intended = importer.mapping(file, ImportData.MAPPING);
        if (!mapping.encode().equals(intended.encode())) {
            throw new IllegalStateException("the import guessed the mapping " + mapping.describe() + " instead of "
                    + intended.describe());
        }
        Importer.Started started = importer.start(file, mapping, "bench");
        JobInfo job;
        while (true) {
            job = jobs.job(started.jobId()).orElseThrow();
            if (job.state().ended()) {
                break;
            }
            Thread.sleep(5);
        }
        long nanos = System.nanoTime() - start;
        ImportRecord record = importer.record(started.importId()).orElseThrow();
        if (job.state() != JobInfo.State.SUCCEEDED) {
            throw new IllegalStateException("the import job ended " + job.state() + ": " + job.message());
        }
        return new Run(nanos, record, job);
    }

    /** The state OneID and the outbox hold, read with plain SQL after the import. */
    Outcome outcome(Set<String> sampleIdentities) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            Map<String, Long> events = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT type, COUNT(*) FROM events_event GROUP BY type ORDER BY type")) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, Set<String>> samples = new LinkedHashMap<>();
            try (PreparedStatement holder = c.prepareStatement("SELECT customer_id FROM identity_link WHERE identity = ?");
                    PreparedStatement all = c.prepareStatement("SELECT identity FROM identity_link WHERE customer_id = ?")) {
                for (String identity : sampleIdentities) {
                    samples.put(identity, Outcome.membersOf(holder, all, identity));
                }
            }
            return new Outcome(count(c, "SELECT COUNT(*) FROM identity_link"),
                    count(c, "SELECT COUNT(*) FROM identity_customer"),
                    count(c, "SELECT COUNT(*) FROM identity_customer WHERE merged_into = 0"),
                    count(c, "SELECT COUNT(*) FROM identity_merge"), samples, events);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The job service, for tests. */
    JobService jobs() {
        return jobs;
    }

    @Override
    public void close() {
        jobs.close();
        factories.forEach(SessionFactory::close);
        database.close();
    }
}
