package org.siyu.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.jobs.JobService;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchIndex;
import org.siyu.launcher.internal.framework.ConfigService;
import org.siyu.launcher.internal.framework.ContributionTracker;
import org.siyu.launcher.internal.framework.FelixFramework;
import org.siyu.launcher.internal.framework.PluginService;
import org.siyu.launcher.internal.framework.SystemPackages;
import org.siyu.launcher.internal.jobs.HostJobs;
import org.siyu.launcher.internal.search.HostSearch;
import org.siyu.launcher.internal.persistence.Database;
import org.siyu.launcher.internal.persistence.PersistenceUnits;
import org.siyu.launcher.internal.rest.ApiServlet;
import org.siyu.launcher.internal.rest.RestResources;
import org.siyu.launcher.internal.web.ConsoleEventBridge;
import org.siyu.launcher.internal.security.Accounts;
import org.siyu.launcher.internal.security.AuditLog;
import org.siyu.launcher.internal.security.Tokens;
import org.siyu.launcher.internal.web.ConsoleAppender;
import org.siyu.launcher.internal.web.WebServer;
import org.siyu.shell.backend.AuditTrail;
import org.siyu.shell.backend.Authenticator;
import org.siyu.shell.backend.Configurations;
import org.siyu.shell.backend.ConsoleFeed;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.PluginAdmin;
import org.siyu.shell.backend.ShellBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Siyu node: the database, the Felix framework with the platform bundles and plugins, and Jetty
 * with the shell and the REST API. {@link #start} brings it up in that order; {@link #close} takes it down in
 * reverse and compacts the database.
 */
public final class SiyuHost implements AutoCloseable, ShellBackend {

    private static final Logger LOG = LoggerFactory.getLogger(SiyuHost.class);

    private final HostConfig config;
    private final ConsoleFeed console = new ConsoleFeed();
    private final ContributionRegistry contributions = new ContributionRegistry();
    private Database database;
    private AuditLog audit;
    private Accounts accounts;
    private FelixFramework felix;
    private ContributionTracker tracker;
    private PersistenceUnits units;
    private PluginService plugins;
    private ConfigService configurations;
    private WebServer web;
    private RestResources restResources;
    private org.osgi.framework.ServiceRegistration<?> consoleEvents;
    private HostJobs jobs;
    private HostSearch search;
    private ServiceTracker<DocumentSource, DocumentSource> documentSources;
    private ServiceTracker<org.siyu.api.search.SearchFilter, org.siyu.api.search.SearchFilter> searchFilters;
    private Accounts.InitialAdmin initialAdmin;
    private long startMillis;

    private SiyuHost(HostConfig config) {
        this.config = config;
    }

    /** Starts a node; on failure everything started so far is stopped again. */
    public static SiyuHost start(HostConfig config) throws Exception {
        SiyuHost host = new SiyuHost(config);
        try {
            host.boot();
            return host;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(config.pluginsDir());
        ConsoleAppender.connect(console);
        database = Database.open(config.jdbcUrl(), config.dataDir());
        audit = new AuditLog(database.dataSource());
        accounts = new Accounts(database.dataSource(), audit);
        initialAdmin = accounts.ensureAdmin(config.adminPassword(), config.secretsDir());
        Tokens tokens = new Tokens(database.dataSource());
        jobs = new HostJobs(database.dataSource(), audit, console);
        long tDatabase = System.nanoTime();

        felix = FelixFramework.init(config.home(), config.pluginsDir(), SystemPackages.compute(SystemPackages.hostClassPath()));
        BundleContext system = felix.context();
        tracker = new ContributionTracker(system, contributions, console);
        tracker.open();
        units = new PersistenceUnits(system, database);
        units.open();
        configurations = new ConfigService(system, audit);
        restResources = new RestResources(system);
        restResources.open();
        consoleEvents = ConsoleEventBridge.register(system, console);
        search = new HostSearch(config.dataDir().resolve("search"), jobs);
        search.openInBackground();   // bundles that write to it meanwhile wait for it; it opens in milliseconds
        documentSources = search.track(system);
        searchFilters = search.trackFilters(system);
        system.registerService(JobService.class, jobs, hostService("jobs"));
        system.registerService(SearchIndex.class, search, hostService("search index"));
        plugins = new PluginService(system, config.home().resolve("uploads"), config.pluginsDir(), config.bundlesDir(),
                contributions, audit);
        felix.start(config.bundlesDir());
        plugins.offerFeatures(config.featuresDir());
        plugins.restoreUploads();
        long tFramework = System.nanoTime();

        web = new WebServer(config.port(), this, new ApiServlet(this::health, accounts, tokens, plugins, restResources, contributions,
                search, jobs),
                config.home().resolve("work"));
        web.start();
        long tWeb = System.nanoTime();
        units.warmUp();   // after the start, so it does not compete for the CPU with it
        search.warmUp();
        startMillis = (tWeb - t0) / 1_000_000;
        LOG.info("Siyu {} started in {} ms on port {} (database {} ms, framework {} ms, web {} ms)", version(),
                startMillis, web.port(), (tDatabase - t0) / 1_000_000, (tFramework - tDatabase) / 1_000_000,
                (tWeb - tFramework) / 1_000_000);
    }

    private static java.util.Dictionary<String, Object> hostService(String what) {
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(Constants.SERVICE_DESCRIPTION, "Siyu host " + what);
        props.put(Constants.SERVICE_RANKING, 1000);   // the host's, ahead of any a bundle might register
        return props;
    }

    /** The health report of {@code GET /api/health}. */
    public Map<String, Object> health() {
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> bundles = new ArrayList<>();
        boolean up = felix != null && felix.framework().getState() == Bundle.ACTIVE;
        for (Bundle b : felix.context().getBundles()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("symbolicName", b.getSymbolicName());
            entry.put("version", b.getVersion().toString());
            String state = PluginService.state(b.getState());
            entry.put("state", state);
            bundles.add(entry);
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (plugins.isCore(b) && !fragment && !state.equals("ACTIVE")) {
                up = false;
            }
        }
        report.put("status", up ? "UP" : "DEGRADED");
        report.put("version", version());
        report.put("bundles", bundles);
        return report;
    }

    public int port() {
        return web.port();
    }

    /** The servlet context of the shell (for its route table). */
    public jakarta.servlet.ServletContext servletContext() {
        return web.servletContext();
    }

    public HostConfig config() {
        return config;
    }

    public BundleContext bundleContext() {
        return felix.context();
    }

    public Database database() {
        return database;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Accounts.InitialAdmin initialAdmin() {
        return initialAdmin;
    }

    public PersistenceUnits persistenceUnits() {
        return units;
    }

    public long startMillis() {
        return startMillis;
    }

    @Override
    public ContributionRegistry contributions() {
        return contributions;
    }

    @Override
    public Authenticator authenticator() {
        return accounts;
    }

    @Override
    public PluginAdmin plugins() {
        return plugins;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public ConsoleFeed console() {
        return console;
    }

    @Override
    public Configurations configurations() {
        return configurations;
    }

    @Override
    public HostJobs jobs() {
        return jobs;
    }

    @Override
    public HostSearch search() {
        return search;
    }

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void close() {
        stopQuietly("web server", () -> {
            if (web != null) {
                web.stop();
            }
        });
        stopQuietly("jobs", () -> {
            if (jobs != null) {
                jobs.close();   // while the bundles whose jobs run are still active
            }
        });
        stopQuietly("configuration", () -> {
            if (configurations != null) {
                configurations.close();
            }
        });
        stopQuietly("REST resources", () -> {
            if (restResources != null) {
                restResources.close();
            }
        });
        stopQuietly("framework", () -> {
            if (felix != null) {
                felix.stop();
            }
        });
        stopQuietly("search index", () -> {
            if (searchFilters != null) {
                searchFilters.close();
            }
            if (documentSources != null) {
                documentSources.close();
            }
            if (search != null) {
                search.close();   // commits
            }
        });
        stopQuietly("persistence units", () -> {
            if (units != null) {
                units.close();
            }
        });
        stopQuietly("contribution tracker", () -> {
            if (tracker != null) {
                tracker.close();
            }
        });
        stopQuietly("database", () -> {
            if (database != null) {
                database.close();
            }
        });
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void stopQuietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("Stopping the {} failed: {}", what, e.toString());
        }
    }

    /** The build's version, from {@code version.properties}. */
    static final class Version {
        static final String VALUE = read();

        private static String read() {
            try (InputStream in = SiyuHost.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "dev");
            } catch (IOException e) {
                return "dev";
            }
        }
    }
}
