package org.siyu.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the host keeps its state and how it is reached. Built from the environment by {@link #fromEnvironment}
 * ({@code SIYU_HOME}, {@code SIYU_PORT}, {@code SIYU_DB_URL}, {@code SIYU_ADMIN_PASSWORD}); tests build their own.
 *
 * @param home          the node's folder: {@code data/} (database), {@code plugins/} (hot folder), {@code uploads/}
 *                      (uploaded plugins), {@code secrets/}, {@code config/} (ConfigAdmin), {@code felix-cache/},
 *                      {@code work/} (Jetty)
 * @param distribution  the installed distribution: {@code bundles/} (platform bundles started at boot)
 * @param port          the HTTP port; 0 picks a free one
 * @param jdbcUrl       the database, or {@code null} for the default H2 file under {@code home/data}
 * @param adminPassword the first admin's password, or {@code null} to generate one
 */
public record HostConfig(Path home, Path distribution, int port, String jdbcUrl, String adminPassword) {

    public static HostConfig fromEnvironment(Map<String, String> env, Path distribution) {
        Path home = Path.of(env.getOrDefault("SIYU_HOME", "siyu-home")).toAbsolutePath().normalize();
        String portText = env.getOrDefault("SIYU_PORT", "8080");
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SIYU_PORT must be a port number, not '" + portText + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SIYU_PORT must be between 0 and 65535, not " + port);
        }
        String url = blankToNull(env.get("SIYU_DB_URL"));
        return new HostConfig(home, distribution, port, url, blankToNull(env.get("SIYU_ADMIN_PASSWORD")));
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path pluginsDir() {
        return home.resolve("plugins");
    }

    public Path secretsDir() {
        return home.resolve("secrets");
    }

    public Path bundlesDir() {
        return distribution.resolve("bundles");
    }

    /** The feature plugins the distribution offers to a home; see ADR 0012. */
    public Path featuresDir() {
        return distribution.resolve("features");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
