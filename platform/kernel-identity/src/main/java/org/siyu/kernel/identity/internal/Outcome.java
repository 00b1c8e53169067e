package org.siyu.kernel.identity.internal;

import java.util.List;
import org.siyu.api.identity.Resolution;

/**
 * The result of one resolution, with what the SDK's {@link Resolution} does not say.
 *
 * @param resolution what {@code IdentityService.resolve} answers
 * @param poison     the poison identities of the call that were left out (their holder is not the answer), masked
 */
public record Outcome(Resolution resolution, List<String> poison) {
}
