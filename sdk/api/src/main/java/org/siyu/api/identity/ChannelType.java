package org.siyu.api.identity;

import org.osgi.annotation.versioning.ConsumerType;
import org.siyu.api.i18n.Text;

/**
 * A channel whose identities OneID accepts, such as {@code wecom} or {@code tmall}. Bundles register these as OSGi
 * services; identities of an unregistered channel are refused.
 */
@ConsumerType
public interface ChannelType {

    /** The prefix before the colon, such as {@code wechat}: lower-case letters, digits and '-'. */
    String id();

    /** The channel's name in the admin. */
    Text name();

    /**
     * The value in its canonical form (trimmed; a phone in E.164), used for lookup and merging.
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    String normalize(String value);

    /**
     * Whether two customers with this same identity are the same person (a WeChat unionid, a verified phone): then
     * resolving merges them, unless the identity is linked to more customers than the poison threshold allows.
     */
    default boolean mergeKey() {
        return false;
    }
}
