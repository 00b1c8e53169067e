package org.siyu.api.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as OneID knows it.
 *
 * @param id           the compact id
 * @param identities   {@code <channel>:<value>} strings
 * @param traits       name, nickname, city, remark, …
 * @param createdAt    when the customer was first seen
 * @param firstChannel the channel of the first identity (source attribution)
 * @param campaign     the campaign of the first touch, or {@code null}
 * @param owner        the staff member (guide) who owns the relationship, or {@code null}
 * @param mergedInto   the surviving customer's id if this one was merged, else 0
 */
public record Customer(int id, List<String> identities, Map<String, String> traits, Instant createdAt,
        String firstChannel, String campaign, String owner, int mergedInto) {
}
