package org.siyu.launcher.internal.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Apache Felix framework: configured from the host, with the platform bundles of the
 * distribution's {@code bundles/} folder and FileInstall watching {@code $SIYU_HOME/plugins}.
 */
public final class FelixFramework {

    private static final Logger LOG = LoggerFactory.getLogger(FelixFramework.class);

    private final Framework framework;

    private FelixFramework(Framework framework) {
        this.framework = framework;
    }

    /**
     * Creates and initialises the framework (not yet started), so that trackers can be opened on the system
     * bundle context before any bundle starts.
     */
    public static FelixFramework init(Path home, Path pluginsDir, String systemPackages) throws BundleException {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, home.resolve("felix-cache").toString());
        // The set of bundles is data (bundles/ and plugins/), so the cache is rebuilt from it at every start.
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackages);
        // Where bundles keep files that outlive the framework cache (which is cleaned at every start): exports, etc.
        config.put("siyu.home", home.toString());
        config.put("siyu.data", home.resolve("data").toString());
        config.put("felix.log.logger", new Slf4jFelixLogger());
        config.put("felix.log.level", "2");
        config.put("felix.fileinstall.dir", pluginsDir.toString());
        config.put("felix.fileinstall.poll", "1000");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.default", "jul");
        config.put("felix.fileinstall.tmpdir", home.resolve("felix-cache/fileinstall-tmp").toString());
        config.put("felix.cm.dir", home.resolve("config").toString());
        // Felix takes objects (the logger) in its configuration map, which the API types as strings.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) config;
        Framework framework = new FrameworkFactory().newFramework(raw);
        framework.init();
        return new FelixFramework(framework);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public Framework framework() {
        return framework;
    }

    /**
     * Installs every jar of {@code bundlesDir} and starts the framework and them. A bundle that fails to
     * resolve or start is logged and left; the others go on.
     */
    public void start(Path bundlesDir) throws BundleException, IOException {
        List<Bundle> installed = new ArrayList<>();
        if (Files.isDirectory(bundlesDir)) {
            List<Path> jars;
            try (Stream<Path> s = Files.list(bundlesDir)) {
                jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                try {
                    installed.add(context().installBundle(jar.toUri().toString()));
                } catch (BundleException e) {
                    LOG.error("Platform bundle {} cannot be installed: {}", jar.getFileName(), e.getMessage());
                }
            }
        } else {
            LOG.warn("No platform bundles folder at {}", bundlesDir);
        }
        framework.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                LOG.error("Platform bundle {} did not start: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
    }

    public void stop() {
        try {
            framework.stop();
            framework.waitForStop(20_000);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("Framework did not stop cleanly: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
