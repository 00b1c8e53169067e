package org.siyu.launcher.internal.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.siyu.shell.backend.AuditTrail;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.PluginAdmin;
import org.siyu.shell.backend.PluginException;
import org.siyu.shell.backend.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin lifecycle for the admin and the REST API. A jar uploaded through the admin is kept in
 * {@code $SIYU_HOME/uploads} and installed from there at every start; a jar dropped into
 * {@code $SIYU_HOME/plugins} is FileInstall's. Bundles of the distribution's {@code bundles/} folder are core
 * and cannot be changed from the admin.
 */
public final class PluginService implements PluginAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(PluginService.class);
    private static final long MAX_JAR_BYTES = 100L * 1024 * 1024;

    private final BundleContext context;
    private final Path uploadsDir;
    private final Path pluginsDir;
    private final Path bundlesDir;
    private final ContributionRegistry contributions;
    private final AuditTrail audit;

    public PluginService(BundleContext context, Path uploadsDir, Path pluginsDir, Path bundlesDir,
            ContributionRegistry contributions, AuditTrail audit) {
        this.context = context;
        this.uploadsDir = uploadsDir;
        this.pluginsDir = pluginsDir;
        this.bundlesDir = bundlesDir;
        this.contributions = contributions;
        this.audit = audit;
    }

    /** In {@code uploads/}: the symbolic names of the feature plugins once offered to this home, one per line. */
    static final String OFFERED = "features.offered";

    /**
     * Offers the distribution's feature plugins ({@code features/}: commerce, membership, …) to this home as if an
     * operator had uploaded them, so they start with the platform and can be removed from the admin like any upload.
     * A feature is offered once: one the operator removed stays removed. A feature's jar replaces the home's copy
     * when it differs and is not older (a newer distribution, or a rebuilt snapshot), never a newer upload.
     * Called before {@link #restoreUploads}.
     */
    public void offerFeatures(Path featuresDir) throws IOException {
        if (!Files.isDirectory(featuresDir)) {
            return;
        }
        Files.createDirectories(uploadsDir);
        Path ledger = uploadsDir.resolve(OFFERED);
        java.util.Set<String> offered = new java.util.LinkedHashSet<>();
        if (Files.exists(ledger)) {
            Files.readAllLines(ledger).stream().map(String::trim).filter(l -> !l.isEmpty()).forEach(offered::add);
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(featuresDir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            String bsn;
            try {
                bsn = symbolicName(jar, jar.getFileName().toString());
            } catch (PluginException e) {
                LOG.error("Feature {} is not offered: {}", jar.getFileName(), e.detail());
                continue;
            }
            Path upload = uploadsDir.resolve(bsn + ".jar");
            boolean first = !offered.contains(bsn);
            if (first && !Files.exists(upload)) {
                copyAtomically(jar, upload);
                LOG.info("Feature plugin {} installed on this home (remove it in Plugins if it is not wanted)", bsn);
            } else if (Files.exists(upload) && Files.mismatch(jar, upload) != -1
                    && version(jar).compareTo(version(upload)) >= 0) {
                copyAtomically(jar, upload);
                LOG.info("Feature plugin {} updated from the distribution", bsn);
            }
            offered.add(bsn);
        }
        Path temp = Files.createTempFile(uploadsDir, OFFERED, ".part");
        Files.write(temp, offered);
        Files.move(temp, ledger, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void copyAtomically(Path from, Path to) throws IOException {
        Path temp = Files.createTempFile(uploadsDir, "feature-", ".part");
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static org.osgi.framework.Version version(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String v = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return v == null ? org.osgi.framework.Version.emptyVersion : org.osgi.framework.Version.parseVersion(v.trim());
        } catch (IOException | IllegalArgumentException e) {
            return org.osgi.framework.Version.emptyVersion;
        }
    }

    /**
     * Installs and starts the jars kept from earlier uploads; called once at start. An upload whose symbolic name
     * is also in the plugins folder is left out: the folder wins, so no plugin runs twice.
     */
    public void restoreUploads() throws IOException {
        Files.createDirectories(uploadsDir);
        java.util.Set<String> inFolder = new java.util.HashSet<>();
        if (Files.isDirectory(pluginsDir)) {
            try (Stream<Path> jars = Files.list(pluginsDir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try {
                        inFolder.add(symbolicName(jar, jar.getFileName().toString()));
                    } catch (PluginException e) {
                        LOG.debug("{} in the plugins folder: {}", jar.getFileName(), e.detail());
                    }
                }
            }
        }
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(uploadsDir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String bsn = jar.getFileName().toString().replaceFirst("\\.jar$", "");
                if (inFolder.contains(bsn)) {
                    LOG.warn("Uploaded plugin {} is also in {}; the plugins folder's copy runs", bsn, pluginsDir);
                    continue;
                }
                try {
                    installed.add(context.installBundle(jar.toUri().toString()));
                } catch (BundleException e) {
                    LOG.error("Uploaded plugin {} cannot be installed: {}", jar.getFileName(), e.getMessage());
                }
            }
        }
        for (Bundle b : installed) {
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                LOG.error("Uploaded plugin {} did not start: {}", b.getSymbolicName(), e.getMessage());
            }
        }
    }

    @Override
    public List<PluginInfo> list() {
        List<PluginInfo> list = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            list.add(info(b));
        }
        return list;
    }

    PluginInfo info(Bundle b) {
        String bsn = b.getSymbolicName() == null ? "(unnamed " + b.getBundleId() + ")" : b.getSymbolicName();
        String name = b.getHeaders().get(Constants.BUNDLE_NAME);
        return new PluginInfo(b.getBundleId(), bsn, name == null ? bsn : name, b.getVersion().toString(),
                state(b.getState()), isCore(b), contributions.describe(bsn));
    }

    /** Whether the platform ships {@code b} (the system bundle or a jar of the distribution's bundles/). */
    public boolean isCore(Bundle b) {
        if (b.getBundleId() == 0) {
            return true;
        }
        String location = b.getLocation();
        return location.startsWith(bundlesDir.toUri().toString());
    }

    @Override
    public synchronized PluginInfo install(String fileName, InputStream jar, String actor) throws PluginException {
        Path temp;
        try {
            Files.createDirectories(uploadsDir);
            temp = Files.createTempFile(uploadsDir, "upload-", ".part");
        } catch (IOException e) {
            throw new PluginException(500, "storage", "cannot write to " + uploadsDir + ": " + e.getMessage(), e);
        }
        try {
            long size = copyLimited(jar, temp);
            if (size == 0) {
                throw new PluginException(400, "empty", "the request has no jar in its body");
            }
            String bsn = symbolicName(temp, fileName);
            Bundle existing = find(bsn);
            if (existing != null && isCore(existing)) {
                throw new PluginException(409, "core bundle", bsn + " is part of the platform and cannot be replaced");
            }
            if (existing != null && existing.getLocation().startsWith(pluginsDir.toUri().toString())) {
                throw new PluginException(409, "installed from the plugins folder", bsn + " was installed from "
                        + existing.getLocation().substring("file:".length())
                        + "; replace or delete that file instead of uploading, so the folder stays the one source of it");
            }
            String before = existing == null ? null : existing.getVersion().toString();
            Path target = uploadsDir.resolve(bsn + ".jar");
            Path backup = null;
            if (existing != null) {
                backup = Files.createTempFile(uploadsDir, bsn + "-previous-", ".part");
                uninstallQuietly(existing);
                Path old = fileOf(existing);
                if (old != null && Files.exists(old)) {
                    Files.move(old, backup, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            Bundle bundle;
            try {
                bundle = installAndStart(target);
            } catch (PluginException e) {
                Files.deleteIfExists(target);
                if (backup != null) {
                    restore(backup, target);
                }
                audit.record(actor, "plugin.install.refused", bsn, before, e.detail());
                throw e;
            }
            if (backup != null) {
                Files.deleteIfExists(backup);
            }
            audit.record(actor, existing == null ? "plugin.install" : "plugin.update", bsn, before,
                    bundle.getVersion().toString());
            return info(bundle);
        } catch (IOException e) {
            throw new PluginException(500, "storage", "cannot store the plugin: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.debug("temp file {} stays: {}", temp, e.toString());
            }
        }
    }

    private Bundle installAndStart(Path jar) throws PluginException {
        Bundle bundle;
        try {
            bundle = context.installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            throw new PluginException(422, "not installable", "the jar cannot be installed: " + e.getMessage(), e);
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && !wiring.resolveBundles(List.of(bundle))) {
            List<String> missing = Requirements.missing(bundle, wiring);
            uninstallQuietly(bundle);
            String detail = bundle.getSymbolicName() + " cannot be resolved: "
                    + (missing.isEmpty() ? "a requirement conflicts with installed bundles" : String.join("; ", missing));
            throw new PluginException(422, "unresolved requirements", detail);
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            uninstallQuietly(bundle);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginException(422, "start failed",
                    bundle.getSymbolicName() + " failed to start: " + cause, e);
        }
        return bundle;
    }

    private void restore(Path backup, Path target) {
        try {
            Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING);
            installAndStart(target);
        } catch (IOException | PluginException e) {
            LOG.error("The previous version at {} could not be restored: {}", target, e.getMessage());
        }
    }

    @Override
    public synchronized void uninstall(String symbolicName, String actor) throws PluginException {
        Bundle b = requirePlugin(symbolicName);
        String version = b.getVersion().toString();
        Path file = fileOf(b);
        try {
            b.uninstall();
        } catch (BundleException e) {
            throw new PluginException(409, "uninstall failed", symbolicName + ": " + e.getMessage(), e);
        }
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Cannot delete {}: {}", file, e.toString());
            }
        }
        audit.record(actor, "plugin.uninstall", symbolicName, version, null);
    }

    @Override
    public void start(String symbolicName, String actor) throws PluginException {
        Bundle b = requirePlugin(symbolicName);
        try {
            b.start();
        } catch (BundleException e) {
            throw new PluginException(422, "start failed", symbolicName + ": " + e.getMessage(), e);
        }
        audit.record(actor, "plugin.start", symbolicName, null, state(b.getState()));
    }

    @Override
    public void stop(String symbolicName, String actor) throws PluginException {
        Bundle b = requirePlugin(symbolicName);
        try {
            b.stop();
        } catch (BundleException e) {
            throw new PluginException(409, "stop failed", symbolicName + ": " + e.getMessage(), e);
        }
        audit.record(actor, "plugin.stop", symbolicName, null, state(b.getState()));
    }

    private Bundle requirePlugin(String symbolicName) throws PluginException {
        Bundle b = find(symbolicName);
        if (b == null) {
            throw new PluginException(404, "not found", "no plugin with symbolic name " + symbolicName);
        }
        if (isCore(b)) {
            throw new PluginException(409, "core bundle", symbolicName + " is part of the platform");
        }
        return b;
    }

    private Bundle find(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** The file a plugin was installed from, if it is one of ours (uploads/ or plugins/). */
    private Path fileOf(Bundle b) {
        String location = b.getLocation();
        for (Path dir : List.of(uploadsDir, pluginsDir)) {
            String prefix = dir.toUri().toString();
            if (location.startsWith(prefix)) {
                return Path.of(java.net.URI.create(location));
            }
        }
        return null;
    }

    private static void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.debug("uninstall of {} failed: {}", b, e.toString());
        }
    }

    private static long copyLimited(InputStream in, Path target) throws IOException, PluginException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_JAR_BYTES) {
                    throw new PluginException(413, "too large", "a plugin jar may have at most 100 MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static String symbolicName(Path jar, String fileName) throws PluginException {
        String shown = fileName == null ? "the upload" : fileName;
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | UncheckedIOException e) {
            throw new PluginException(400, "not a jar", shown + " is not a jar file: " + e.getMessage(), e);
        }
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null || bsn.isBlank()) {
            throw new PluginException(400, "not a bundle",
                    shown + " has no Bundle-SymbolicName in its manifest: it is a jar but not an OSGi bundle");
        }
        String name = bsn.split(";")[0].trim();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new PluginException(400, "bad symbolic name", "Bundle-SymbolicName '" + name + "' has characters other than letters, digits, '.', '_', '-'");
        }
        return name;
    }

    /** The name of a bundle state, as the health report and the plugin list show it. */
    public static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN";
        };
    }
}
