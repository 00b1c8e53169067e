/**
 * OneID: one customer across every channel.
 *
 * <p>A customer is a compact {@code int} id with channel identities written {@code <channel>:<value>}
 * ({@code wecom:<external_userid>}, {@code wechat:<unionid>}, {@code wechat-mp:<openid>}, {@code phone:<E.164>}, …).
 * Channels are registered by bundles ({@link org.siyu.api.identity.ChannelType}), not hard-coded. Resolving a set of
 * identities finds the customer or creates one; deterministic merge rules join customers that share a merge key
 * (a unionid, a verified phone), keep the history, and can be undone. An identity linked to too many customers
 * (a shop's iPad, a shared phone) never merges anyone.
 */
@Export
@Version("1.2.0")
package org.siyu.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
