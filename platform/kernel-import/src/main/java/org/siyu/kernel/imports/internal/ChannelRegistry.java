package org.siyu.kernel.imports.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.ChannelType;

/**
 * The registered {@link ChannelType} services, tracked live: the columns of an import can be mapped to exactly the
 * channels OneID accepts now, and a value is checked with its channel's own {@link ChannelType#normalize}.
 */
@Component(service = ChannelRegistry.class)
public class ChannelRegistry {

    private final Map<String, ChannelType> byId = new ConcurrentHashMap<>();

    public ChannelRegistry() {
    }

    /** For tests: these channels, fixed. */
    public ChannelRegistry(Iterable<? extends ChannelType> channels) {
        channels.forEach(this::addChannel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addChannel(ChannelType channel) {
        String id = channel.id();
        if (id != null) {
            byId.putIfAbsent(id, channel); // the first keeps it, as OneID's tracker does
        }
    }

    public void removeChannel(ChannelType channel) {
        if (channel.id() != null) {
            byId.remove(channel.id(), channel);
        }
    }

    /** The ids of the registered channels, sorted. */
    public Set<String> ids() {
        return new TreeSet<>(byId.keySet());
    }

    public Optional<ChannelType> channel(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The channel's name, or its id when it is gone. */
    public Text name(String id) {
        ChannelType channel = byId.get(id);
        return channel == null ? Text.of(id) : channel.name();
    }
}
