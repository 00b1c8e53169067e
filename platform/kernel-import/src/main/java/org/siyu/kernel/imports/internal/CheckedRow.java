package org.siyu.kernel.imports.internal;

import java.util.List;
import org.siyu.api.identity.ResolveRequest;

/**
 * One row after checking: either good (a request for OneID and the tags to assign) or rejected with its errors.
 *
 * @param row     the row number (header = 1)
 * @param request the identities (normalized, {@code <channel>:<value>}) and traits; {@code null} when rejected
 * @param tags    the distinct tag names, in the order given
 * @param errors  empty for a good row
 */
public record CheckedRow(int row, ResolveRequest request, List<String> tags, List<RowError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
