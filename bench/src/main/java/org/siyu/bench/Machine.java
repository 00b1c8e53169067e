package org.siyu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were taken on: they mean little without the machine and how busy it was. */
public final class Machine {

    private Machine() {
    }

    /** "2 cores (AMD EPYC 7B13), 24 GiB, Linux 6.1, JDK 25.0.1 (Temurin)". */
    public static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String memory = "";
        if (mem != null) {
            long kb = Long.parseLong(mem.replaceAll("[^0-9]", ""));
            memory = String.format(", %.0f GiB", kb / 1048576.0);
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + (cpu == null ? "" : " (" + cpu + ")") + memory
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + ")";
    }

    /** The 1-minute load average, or -1 where /proc/loadavg is missing. */
    public static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: the description goes without it
        }
        return null;
    }
}
