package org.siyu.launcher.internal.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Version;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: the packages of the host class path that bundles
 * may import, each with a version. Jars with an OSGi {@code Export-Package} header give their own versions;
 * other jars give every package they hold the jar's version. Only packages under {@link #ALLOWED} are exported:
 * that list is the platform's public contract, so keep it deliberate.
 */
public final class SystemPackages {

    /** The package prefixes the host exports to bundles. */
    public static final List<String> ALLOWED = List.of(
            "org.siyu.api.",           // the SDK
            "com.vaadin.",             // the shell's UI toolkit
            "elemental.",
            "org.jsoup.",
            "jakarta.persistence.",
            "jakarta.servlet.",
            "org.hibernate.",          // entity bundles need org.hibernate.proxy, annotations
            "net.bytebuddy.",
            "org.apache.lucene.",      // search (the kernel issue puts Lucene on the host class path)
            "org.slf4j.",
            "org.osgi.service.cm.",    // shared with Felix ConfigAdmin so the host can use it
            "org.osgi.service.metatype.",
            "tools.jackson.",          // JSON
            "com.fasterxml.jackson.");

    private static final Pattern VERSION_IN_NAME = Pattern.compile("-(\\d+(?:\\.\\d+){0,2})(?:[.-]([A-Za-z0-9_.-]+))?\\.jar$");

    private SystemPackages() {
    }

    /** The export clause for the jars and folders of {@code classPath}. */
    public static String compute(List<Path> classPath) {
        Map<String, String> packages = new TreeMap<>();
        for (Path entry : classPath) {
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                scanJar(entry, packages);
            } else if (Files.isDirectory(entry)) {
                scanDirectory(entry, packages);
            }
        }
        List<String> clauses = new ArrayList<>();
        packages.forEach((pkg, version) -> clauses.add(pkg + ";version=\"" + version + "\""));
        return String.join(",", clauses);
    }

    /** The host class path as the JVM was started. */
    public static List<Path> hostClassPath() {
        List<Path> paths = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                paths.add(Path.of(e));
            }
        }
        return paths;
    }

    static boolean allowed(String pkg) {
        String dotted = pkg + ".";
        for (String prefix : ALLOWED) {
            if (dotted.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void scanJar(Path jar, Map<String, String> packages) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            if (exports != null) {
                for (var e : ExportHeader.parse(exports).entrySet()) {
                    if (allowed(e.getKey())) {
                        packages.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
                return;
            }
            String version = jarVersion(jar, manifest);
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    int slash = name.lastIndexOf('/');
                    if (slash > 0) {
                        String pkg = name.substring(0, slash).replace('/', '.');
                        if (allowed(pkg)) {
                            packages.putIfAbsent(pkg, version);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** A class folder (the SDK while developing): the exports of its bnd-built manifest; nothing without one. */
    private static void scanDirectory(Path dir, Map<String, String> packages) {
        Path manifestPath = dir.resolve("META-INF/MANIFEST.MF");
        if (Files.isRegularFile(manifestPath)) {
            try (var in = Files.newInputStream(manifestPath)) {
                String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
                if (exports != null) {
                    ExportHeader.parse(exports).forEach((pkg, v) -> {
                        if (allowed(pkg)) {
                            packages.putIfAbsent(pkg, v);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifestPath, e);
            }
        }
    }

    static String jarVersion(Path jar, Manifest manifest) {
        if (manifest != null) {
            Attributes a = manifest.getMainAttributes();
            for (String key : new String[] {"Bundle-Version", "Implementation-Version"}) {
                String v = a.getValue(key);
                if (v != null) {
                    String osgi = toOsgiVersion(v);
                    if (osgi != null) {
                        return osgi;
                    }
                }
            }
        }
        Matcher m = VERSION_IN_NAME.matcher(jar.getFileName().toString());
        if (m.find()) {
            return toOsgiVersion(m.group(1));
        }
        return "0.0.0";
    }

    /** "7.4.13.Final" → "7.4.13.Final", "25.2.6" → "25.2.6", "1.0-rc1" → "1.0.0.rc1"; null if not a version. */
    static String toOsgiVersion(String v) {
        Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.-]([A-Za-z0-9_-]+))?").matcher(v.trim());
        if (!m.find()) {
            return null;
        }
        String q = m.group(4);
        try {
            return new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), q).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
