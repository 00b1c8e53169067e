/**
 * Tags, and segments as boolean expressions over tags.
 *
 * <p>Every assignment keeps its source and evidence, so the customer's profile answers "why does this customer have
 * this tag?". A segment is an expression such as {@code tag:"VIP" AND (tag:猫主人 OR tag:狗主人) AND NOT
 * tag:unsubscribed}, evaluated on in-memory bitmaps.
 */
@Export
@Version("1.0.0")
package org.siyu.api.tags;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
