package org.siyu.api.identity;

import java.util.List;

/**
 * The answer of {@link IdentityService#resolve}.
 *
 * @param customerId the customer the identities belong to now
 * @param created    whether this call created the customer
 * @param merged     customers merged into {@code customerId} by this call
 */
public record Resolution(int customerId, boolean created, List<Integer> merged) {
}
