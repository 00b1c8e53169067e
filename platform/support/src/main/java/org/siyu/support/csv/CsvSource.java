package org.siyu.support.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of an uploaded file, which can be read more than once (detection, counting, the rows): a REST body in
 * memory or the admin's upload in a temporary file.
 */
public interface CsvSource {

    /** The file name as the user gave it, for the import's record and the tags' evidence. */
    String name();

    /** The size in bytes. */
    long size();

    InputStream open() throws IOException;

    /** Called once nothing will read the source any more (the import's job ended): a temporary file is deleted. */
    default void release() {
    }

    static CsvSource of(String name, byte[] bytes) {
        return new CsvSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    static CsvSource of(String name, Path file) {
        return new CsvSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** A temporary file (the admin's upload) that {@link #release()} deletes. */
    static CsvSource temporary(String name, Path file) {
        CsvSource source = of(name, file);
        return new CsvSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return source.size();
            }

            @Override
            public InputStream open() throws IOException {
                return source.open();
            }

            @Override
            public void release() {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        };
    }
}
