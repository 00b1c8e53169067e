package org.siyu.kernel.identity.internal.channel;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.identity.ChannelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link ChannelType} services, tracked live: a bundle that registers a channel makes its identities
 * acceptable at once, and they are refused again when it goes. Parses and normalizes identities.
 */
@Component(service = Channels.class)
public class Channels {

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final Map<String, ChannelType> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addChannel(ChannelType channel) {
        String id = channel.id();
        if (id == null || !CHANNEL_ID.matcher(id).matches()) {
            LOG.warn("Channel type {} ignored: its id '{}' is not 1-32 lower-case letters, digits or '-'", channel, id);
            return;
        }
        ChannelType previous = byId.putIfAbsent(id, channel);
        if (previous != null && previous != channel) {
            LOG.warn("Channel type {} ignored: channel '{}' is already registered by {}", channel, id, previous);
        } else {
            LOG.debug("Channel '{}' registered", id);
        }
    }

    public void removeChannel(ChannelType channel) {
        String id = channel.id();
        if (id != null && byId.remove(id, channel)) {
            LOG.debug("Channel '{}' unregistered", id);
        }
    }

    /** The ids of the registered channels, sorted. */
    public Set<String> ids() {
        return new TreeSet<>(byId.keySet());
    }

    /**
     * Parses {@code <channel>:<value>} and normalizes the value with its channel.
     *
     * @throws IllegalArgumentException naming the identity: malformed, an unknown channel, or a value the channel
     *                                  refuses (with the channel's reason)
     */
    public Identity parse(String identity) {
        if (identity == null) {
            throw new IllegalArgumentException("an identity is null; write identities as <channel>:<value>");
        }
        int colon = identity.indexOf(':');
        if (colon <= 0 || colon == identity.length() - 1) {
            throw new IllegalArgumentException("identity '" + identity + "' is not <channel>:<value>, e.g. phone:13800000000");
        }
        String channelId = identity.substring(0, colon).strip();
        ChannelType channel = byId.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("identity '" + identity + "' has the unknown channel '" + channelId
                    + "'; registered channels: " + String.join(", ", ids()));
        }
        String value;
        try {
            value = channel.normalize(identity.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identity '" + identity + "' is refused: " + e.getMessage(), e);
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("identity '" + identity + "' has an empty value");
        }
        return new Identity(channelId, value, channel.mergeKey());
    }
}
