package org.siyu.launcher.internal.persistence;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Flyway reads a bundle's SQL migrations through this provider, straight from the bundle's entries
 * ({@link Bundle#findEntries}); class-path scanning does not see inside OSGi bundles.
 */
final class BundleMigrations implements ResourceProvider {

    private final List<LoadableResource> resources = new ArrayList<>();

    BundleMigrations(Bundle bundle, String folder) {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            resources.add(new UrlResource(folder, entries.nextElement()));
        }
    }

    int size() {
        return resources.size();
    }

    @Override
    public LoadableResource getResource(String name) {
        for (LoadableResource r : resources) {
            if (r.getRelativePath().equals(name) || r.getFilename().equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource r : resources) {
            String name = r.getFilename();
            if (name.startsWith(prefix)) {
                for (String suffix : suffixes) {
                    if (name.endsWith(suffix)) {
                        matching.add(r);
                        break;
                    }
                }
            }
        }
        return matching;
    }

    private static final class UrlResource extends LoadableResource {
        private final URL url;
        private final String filename;
        private final String relativePath;

        UrlResource(String folder, URL url) {
            this.url = url;
            String path = url.getPath();
            this.filename = path.substring(path.lastIndexOf('/') + 1);
            this.relativePath = folder + "/" + filename;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return url.toString();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }
}
