package org.siyu.kernel.identity.internal.channel;

import org.siyu.api.i18n.Text;
import org.siyu.api.identity.ChannelType;

/**
 * A channel whose values are opaque ids (an openid, a pin, a buyer nick, a card number): trimmed, 1–200
 * characters, no control characters. Case is kept: WeChat ids are case-sensitive.
 */
public final class SimpleChannel implements ChannelType {

    /** The longest value accepted; the stored key {@code <channel>:<value>} must fit in 300 characters. */
    public static final int MAX_LENGTH = 200;

    private final String id;
    private final Text name;
    private final boolean mergeKey;

    public SimpleChannel(String id, Text name, boolean mergeKey) {
        this.id = id;
        this.name = name;
        this.mergeKey = mergeKey;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Text name() {
        return name;
    }

    @Override
    public boolean mergeKey() {
        return mergeKey;
    }

    @Override
    public String normalize(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the " + id + " value is empty");
        }
        if (v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the " + id + " value is longer than " + MAX_LENGTH + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + id + " value contains control characters");
        }
        return v;
    }

    @Override
    public String toString() {
        return "channel " + id;
    }
}
