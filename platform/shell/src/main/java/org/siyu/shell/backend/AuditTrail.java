package org.siyu.shell.backend;

import java.time.Instant;
import java.util.List;

/** Who changed what, when, with the value before and after. Entries are durable and never edited. */
public interface AuditTrail {

    /**
     * Records one change.
     *
     * @param actor  the user name, or {@code system}
     * @param action a dotted verb such as {@code plugin.install}, {@code login.failed}, {@code config.update}
     * @param target what was changed, such as a bundle's symbolic name or a configuration PID
     * @param before the value before, or {@code null}
     * @param after  the value after, or {@code null}
     */
    void record(String actor, String action, String target, String before, String after);

    /** The newest entries first, at most {@code limit}. */
    List<Entry> recent(int limit);

    record Entry(long id, Instant time, String actor, String action, String target, String before, String after) {
    }
}
