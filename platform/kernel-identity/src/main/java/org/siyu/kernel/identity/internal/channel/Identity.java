package org.siyu.kernel.identity.internal.channel;

/**
 * One channel identity in canonical form.
 *
 * @param channel  the channel id, such as {@code phone}
 * @param value    the normalized value, such as {@code +8613800000000}
 * @param mergeKey whether the channel's identities merge customers ({@link org.siyu.api.identity.ChannelType#mergeKey()})
 */
public record Identity(String channel, String value, boolean mergeKey) {

    /** The form stored and indexed: {@code <channel>:<value>}. */
    public String key() {
        return channel + ":" + value;
    }

    /** The key with the value masked, for logs, errors shown to others and merge evidence. */
    public String masked() {
        return Mask.identity(key());
    }
}
