package org.siyu.launcher;

import java.nio.file.Path;

/**
 * {@code java org.siyu.launcher.Main}: starts a node from the environment ({@code SIYU_HOME}, {@code SIYU_PORT},
 * {@code SIYU_DB_URL}, {@code SIYU_ADMIN_PASSWORD}) and the distribution folder given by the system property
 * {@code siyu.distribution}, and runs until the process is stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Path distribution = Path.of(System.getProperty("siyu.distribution", ".")).toAbsolutePath().normalize();
        HostConfig config;
        try {
            config = HostConfig.fromEnvironment(System.getenv(), distribution);
        } catch (IllegalArgumentException e) {
            System.err.println("siyu: " + e.getMessage());
            System.exit(2);
            return;
        }
        SiyuHost host;
        try {
            host = SiyuHost.start(config);
        } catch (Exception e) {
            System.err.println("siyu: start failed: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "siyu-shutdown"));
        printBanner(host);
    }

    private static void printBanner(SiyuHost host) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n  Siyu ").append(host.version()).append(" is running: http://localhost:").append(host.port()).append('/');
        sb.append("\n  Home: ").append(host.config().home());
        printAccount(host, sb);
        sb.append("\n  Health: http://localhost:").append(host.port()).append("/api/health   (Ctrl+C stops)\n");
        System.out.println(sb);
    }

    private static void printAccount(SiyuHost host, StringBuilder sb) {
        var admin = host.initialAdmin();
        if (admin.created() && admin.passwordFile() != null) {
            sb.append("\n  First start: user 'admin', password ").append(admin.password());
            sb.append("\n  (also in ").append(admin.passwordFile()).append(", readable by you only; it is printed only this once)");
        } else if (admin.created()) {
            sb.append("\n  First start: user 'admin' with the password from SIYU_ADMIN_PASSWORD");
        } else {
            java.nio.file.Path file = host.config().secretsDir().resolve("initial-admin-password");
            sb.append("\n  Sign in as an existing account");
            if (java.nio.file.Files.exists(file)) {
                sb.append(" (the initial admin password is in ").append(file).append(')');
            }
        }
    }
}
