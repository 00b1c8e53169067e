package org.siyu.api.search;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by the bundle that owns a document type, so that the index can be rebuilt from the bundle's own data
 * (after a crash that lost index writes, an analyser change, or on demand from the shell).
 */
@ConsumerType
public interface DocumentSource {

    /** The document type this source produces. */
    String type();

    /** How many documents {@link #documents} will produce, for progress; {@code -1} if unknown. */
    long estimate();

    /**
     * Produces every current document of the type, in batches of the source's choosing. Runs on a job thread.
     *
     * @param sink   takes the documents; it may block while the index catches up
     * @param cancel returns {@code true} when the rebuild was cancelled: stop early
     */
    void documents(Consumer<SearchDocument> sink, java.util.function.BooleanSupplier cancel);
}
