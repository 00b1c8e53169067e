package org.siyu.bench;

import java.nio.file.Path;

/** One benchmark: Siyu's code path and its peers on the same generated data, in one run. */
public interface Bench {

    /** The name on the command line and of the result file. */
    String name();

    /**
     * Generates the data, checks that every side gives the same answers (throwing {@link Mismatch} otherwise), times
     * them and writes the report.
     *
     * @return the report file
     */
    Path run(Context context) throws Exception;
}
