package org.siyu.kernel.tagging.internal.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where segment exports are written: {@code exports/} in the host's data folder (framework property
 * {@value #DATA_PROPERTY}, or {@code data/} under {@value #HOME_PROPERTY}); without either, the bundle's persistent
 * storage area, which the host wipes at every start (logged).
 */
public final class ExportFiles {

    /** The framework property naming the data folder. */
    public static final String DATA_PROPERTY = "siyu.data";
    /** The framework property naming Siyu's home ({@code data/} is under it). */
    public static final String HOME_PROPERTY = "siyu.home";

    private static final Logger LOG = LoggerFactory.getLogger(ExportFiles.class);
    /** What a file name this class hands out looks like, so a request cannot name another file. */
    private static final Pattern NAME = Pattern.compile("segment-[a-z0-9-]{1,80}\\.csv");

    private final Path dir;

    public ExportFiles(Path dir) {
        this.dir = dir;
    }

    static ExportFiles of(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        if (data == null && context.getProperty(HOME_PROPERTY) != null) {
            data = Path.of(context.getProperty(HOME_PROPERTY), "data").toString();
        }
        if (data != null) {
            return new ExportFiles(Path.of(data, "exports"));
        }
        File area = context.getDataFile("exports");
        LOG.warn("Neither {} nor {} is set: segment exports go to {}, which is cleared when the node restarts",
                DATA_PROPERTY, HOME_PROPERTY, area);
        return new ExportFiles(area.toPath());
    }

    public Path dir() {
        return dir;
    }

    /** A new file's path (the folder is created). */
    Path create(String name) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    /** An export by its file name; empty for a name this class would not have given or a missing file. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }
}
