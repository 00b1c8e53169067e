package org.siyu.api.identity;

import java.util.List;
import java.util.Map;

/**
 * One item of {@link IdentityService#resolveAll}.
 *
 * @param identities at least one {@code <channel>:<value>}
 * @param traits     optional attributes, may be empty
 * @since 1.1
 */
public record ResolveRequest(List<String> identities, Map<String, String> traits) {

    public ResolveRequest {
        identities = List.copyOf(identities);
        traits = traits == null ? Map.of() : Map.copyOf(traits);
    }
}
