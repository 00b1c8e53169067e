package org.siyu.api.identity;

import java.time.Instant;

/**
 * One merge of two customers.
 *
 * @param id       the merge's id, for {@link IdentityService#undoMerge}
 * @param survivor the customer that remained
 * @param merged   the customer that was merged into it
 * @param rule     the rule, such as {@code shared-unionid} or {@code verified-phone}
 * @param evidence the identity both shared, masked for display
 * @param actor    who or what merged them
 * @param at       when
 * @param undone   whether the merge was undone
 */
public record Merge(long id, int survivor, int merged, String rule, String evidence, String actor, Instant at,
        boolean undone) {
}
