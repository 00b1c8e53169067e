package org.siyu.api.jobs;

import org.osgi.annotation.versioning.ProviderType;

/** What a running job tells the user. Cheap to call often; the host throttles what it stores and pushes. */
@ProviderType
public interface JobProgress {

    /** How many units of work there are in all, when known; {@code -1} for unknown. */
    void total(long total);

    /** Sets how many units are done. */
    void done(long done);

    /** Adds to the units done. */
    void advance(long delta);

    /** A short line about what is happening now ("reading rows", "row 40,000 of 100,000"). */
    void message(String message);

    /** Whether the user asked the job to stop. Work should check it between units and return early. */
    boolean cancelled();
}
