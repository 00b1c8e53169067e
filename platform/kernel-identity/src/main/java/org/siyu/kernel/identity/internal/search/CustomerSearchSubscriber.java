package org.siyu.kernel.identity.internal.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.api.identity.Customer;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchIndex;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.ui.CustomerUi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the customer documents of the search index current: every customer event and tag change marks its
 * customers (a merge: both), and the marked customers are read and written to the index in batches, at most
 * {@value #FLUSH_MILLIS} ms after the first mark or as soon as {@value #BATCH} are waiting. A customer merged into
 * another is deleted from the index. Without a {@link SearchIndex} nothing is marked: a rebuild from
 * {@link CustomerDocuments} catches up.
 *
 * <p>Marks that are waiting when the process dies are lost (the event was acknowledged). The index is near-real-time
 * and rebuildable by design, so this trades a rebuild after a crash for not writing the index once per event.
 */
@Component(property = {EventSubscriber.ID + "=" + CustomerSearchSubscriber.ID,
        EventSubscriber.TYPES + "=customer.*,tag.assigned,tag.removed",
        EventSubscriber.START + "=latest"})
public class CustomerSearchSubscriber implements EventSubscriber {

    static final String ID = "identity.search";
    static final int BATCH = 200;
    static final long FLUSH_MILLIS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSearchSubscriber.class);
    private static final Pattern CUSTOMER_FIELD = Pattern.compile("\"(?:survivor|merged)\"\\s*:\\s*(\\d+)");

    private final CustomerServices services;
    private final Set<Integer> pending = new LinkedHashSet<>();
    private final ScheduledExecutorService flusher;
    private final long flushMillis;
    private boolean scheduled;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchIndex index;

    @Activate
    public CustomerSearchSubscriber(@Reference CustomerServices services) {
        this(services, null);
    }

    /** For tests: a given index (or none). */
    public CustomerSearchSubscriber(CustomerServices services, SearchIndex index) {
        this(services, index, FLUSH_MILLIS);
    }

    /** For tests: a given index (or none) and flush delay. */
    CustomerSearchSubscriber(CustomerServices services, SearchIndex index, long flushMillis) {
        this.services = services;
        this.index = index;
        this.flushMillis = flushMillis;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "identity-search-flush");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        flusher.shutdown();
        flush();
    }

    @Override
    public void onEvent(Event event) {
        if (index == null) {
            return;
        }
        Set<Integer> customers = customers(event);
        if (customers.isEmpty()) {
            return;
        }
        boolean full;
        synchronized (pending) {
            pending.addAll(customers);
            full = pending.size() >= BATCH;
            if (!full && !scheduled && !flusher.isShutdown()) {
                scheduled = true;
                flusher.schedule(this::flush, flushMillis, TimeUnit.MILLISECONDS);
            }
        }
        if (full) {
            flush();
        }
    }

    /** The customers an event changes: its subject, and both customers of a merge or an undo. */
    static Set<Integer> customers(Event event) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (event.subject() != null && event.subject() > 0) {
            ids.add(event.subject());
        }
        if (event.type().equals("customer.merged") || event.type().equals("customer.unmerged")) {
            Matcher m = CUSTOMER_FIELD.matcher(event.data());
            while (m.find()) {
                ids.add(Integer.parseInt(m.group(1)));
            }
        }
        return ids;
    }

    /** Writes the waiting customers to the index: live ones put, merged-away or unknown ones deleted. */
    public void flush() {
        List<Integer> ids;
        synchronized (pending) {
            scheduled = false;
            ids = new ArrayList<>(pending);
            pending.clear();
        }
        SearchIndex target = index;
        if (ids.isEmpty() || target == null) {
            return;
        }
        try {
            List<Customer> found = services.oneId().customers(ids.stream().mapToInt(Integer::intValue).toArray());
            TagService tags = services.tags();
            List<SearchDocument> put = new ArrayList<>();
            Set<String> gone = new HashSet<>();
            ids.forEach(id -> gone.add(String.valueOf(id)));
            for (Customer c : found) {
                if (c.mergedInto() == 0) {
                    List<String> names = tags == null ? List.of() : tags.tags(c.id()).stream()
                            .map(TagAssignment::tag).distinct().toList();
                    put.add(CustomerDocuments.document(c, names));
                    gone.remove(String.valueOf(c.id()));
                }
            }
            if (!put.isEmpty()) {
                target.put(put);
            }
            if (!gone.isEmpty()) {
                target.delete(CustomerUi.TYPE, gone);
            }
            LOG.debug("Search index: {} customers written, {} deleted", put.size(), gone.size());
        } catch (RuntimeException e) {
            // the index is rebuildable; a failed write must not stop the event flow
            LOG.warn("Could not update {} customers in the search index ({}); a rebuild of type '{}' repairs it",
                    ids.size(), e.toString(), CustomerUi.TYPE);
        }
    }
}
