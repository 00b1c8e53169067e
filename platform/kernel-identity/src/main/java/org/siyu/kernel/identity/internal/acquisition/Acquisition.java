package org.siyu.kernel.identity.internal.acquisition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.identity.internal.IdSet;
import org.siyu.kernel.identity.internal.Traits;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.store.CostRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquisition cost (获客成本): operators record what a channel and campaign cost on a day; the report sets the cost of
 * a period against the customers the channel and campaign brought in it (first touch) and how many of them the brand
 * now owns (system tag {@value #OWNED}, kept by tagging). Days are Beijing days ({@link #ZONE}): the platform serves
 * Chinese brands, whose books and campaigns count in that zone.
 */
@Component(service = Acquisition.class)
public class Acquisition {

    /** The zone of cost days and of the report's periods. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The system tag of owned customers (流量产权: 已拥有). */
    public static final String OWNED = "reach.owned";

    /** Upper bound of one day's cost: a hundred billion yuan, far above any real figure, far below overflow. */
    static final long MAX_FEN = 10_000_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(Acquisition.class);

    /** One row of the report. Campaign {@code null}: customers or spending without a campaign. */
    public record Row(String channel, String campaign, long costFen, long customers, Long ownedCustomers,
            Long costPerOwnedFen) {
    }

    /**
     * The report of a period, both days included. {@code ownedKnown} is false (and every {@code ownedCustomers} null)
     * while tagging does not run; {@code note} then says so.
     */
    public record Report(LocalDate from, LocalDate to, String zone, boolean ownedKnown, String note, List<Row> rows) {
    }

    private final PersistenceUnit unit;
    private final Channels channels;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Activate
    public Acquisition(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=identity)") PersistenceUnit unit,
            @Reference Channels channels) {
        this(unit, channels, null, Clock.systemUTC());
    }

    /** For tests: with or without tagging, and a clock. */
    public Acquisition(PersistenceUnit unit, Channels channels, TagService tags, Clock clock) {
        this.unit = unit;
        this.channels = channels;
        this.tags = tags;
        this.clock = clock;
    }

    /**
     * Records the cost of a channel and campaign on a day; recording the same channel, campaign and day again replaces
     * the figure (a correction, not an addition).
     *
     * @param campaign {@code null} or blank for spending without a campaign
     * @return whether an earlier figure was replaced
     * @throws IllegalArgumentException naming the field: an unregistered channel, a campaign over 200 characters, no
     *                                  day, a negative or absurd cost
     */
    public boolean record(String channel, String campaign, LocalDate day, long costFen, String actor) {
        String ch = channel == null ? "" : channel.strip();
        if (ch.isEmpty()) {
            throw new IllegalArgumentException("field 'channel' is required");
        }
        if (!channels.ids().contains(ch)) {
            throw new IllegalArgumentException("field 'channel': '" + ch + "' is not a registered channel; registered: "
                    + String.join(", ", channels.ids()));
        }
        String cp = campaign == null ? "" : campaign.strip();
        if (cp.length() > Traits.MAX_ATTRIBUTION) {
            throw new IllegalArgumentException("field 'campaign' is longer than " + Traits.MAX_ATTRIBUTION
                    + " characters");
        }
        if (day == null) {
            throw new IllegalArgumentException("field 'day' is required, e.g. 2026-11-01");
        }
        if (costFen < 0 || costFen > MAX_FEN) {
            throw new IllegalArgumentException("field 'costFen' must be a whole number of fen from 0 to " + MAX_FEN
                    + "; got " + costFen);
        }
        String by = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        String who = by.length() > 100 ? by.substring(0, 100) : by;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return unit.inTransaction(em -> {
            CostRow row = em.find(CostRow.class, new CostRow.Key(ch, cp, day));
            boolean replaced = row != null;
            if (row == null) {
                row = new CostRow(ch, cp, day);
                row.record(costFen, now, who);
                em.persist(row);
            } else {
                row.record(costFen, now, who);
            }
            LOG.info("Acquisition cost of {}/{} on {} set to {} fen by {}{}", ch, cp, day, costFen, who,
                    replaced ? " (replaced)" : "");
            return replaced;
        });
    }

    /**
     * The report of {@code from}–{@code to} (both included): per channel and campaign the cost, the live customers
     * first seen then, those of them tagged {@value #OWNED} now, and cost per owned customer (rounded to the fen;
     * null without owned customers). Sorted by channel, then campaign (none first).
     *
     * @throws IllegalArgumentException naming the field if a day is missing or {@code from} is after {@code to}
     */
    public Report report(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new IllegalArgumentException("field 'from' is required, e.g. 2026-11-01");
        }
        if (to == null) {
            throw new IllegalArgumentException("field 'to' is required, e.g. 2026-11-30");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("field 'from' (" + from + ") is after 'to' (" + to + ")");
        }
        IdSet owned = owned();
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<List<String>, long[]> figures = new TreeMap<>(KEYS); // cost, customers, owned
        unit.inTransaction(em -> {
            for (Object[] r : em.createQuery("select a.channel, a.campaign, sum(a.costFen) from CostRow a "
                    + "where a.day >= :from and a.day <= :to group by a.channel, a.campaign", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                figures.computeIfAbsent(key((String) r[0], (String) r[1]), k -> new long[3])[0] = ((Number) r[2]).longValue();
            }
            try (var rows = em.createQuery("select c.id, c.firstChannel, c.campaign from CustomerRow c "
                    + "where c.mergedInto = 0 and c.createdAt >= :start and c.createdAt < :end", Object[].class)
                    .setParameter("start", start).setParameter("end", end).getResultStream()) {
                rows.forEach(r -> {
                    long[] f = figures.computeIfAbsent(key((String) r[1], (String) r[2]), k -> new long[3]);
                    f[1]++;
                    if (owned != null && owned.contains((Integer) r[0])) {
                        f[2]++;
                    }
                });
            }
            return null;
        });
        List<Row> rows = new ArrayList<>(figures.size());
        figures.forEach((k, f) -> {
            Long ownedCustomers = owned == null ? null : f[2];
            Long perOwned = ownedCustomers == null || ownedCustomers == 0 ? null
                    : Math.round((double) f[0] / ownedCustomers);
            rows.add(new Row(k.get(0), k.get(1).isEmpty() ? null : k.get(1), f[0], f[1], ownedCustomers, perOwned));
        });
        String note = owned == null ? "tagging is not running (bundle org.siyu.kernel.tagging): owned customers are "
                + "unknown" : null;
        return new Report(from, to, ZONE.getId(), owned != null, note, List.copyOf(rows));
    }

    /** The customers tagged {@value #OWNED} now; empty if the tag does not exist yet; null without tagging. */
    private IdSet owned() {
        TagService service = tags;
        if (service == null) {
            return null;
        }
        try {
            return IdSet.of(service.members("tag:\"" + OWNED + "\""));
        } catch (SegmentSyntaxException e) { // the tag does not exist: nobody is owned
            return IdSet.EMPTY;
        }
    }

    private static List<String> key(String channel, String campaign) {
        return List.of(Objects.requireNonNullElse(channel, ""), Objects.requireNonNullElse(campaign, ""));
    }

    private static final Comparator<List<String>> KEYS = Comparator.<List<String>, String>comparing(k -> k.get(0))
            .thenComparing(k -> k.get(1));

    /** The registered channels, sorted, for the form. */
    public List<String> channelIds() {
        return List.copyOf(channels.ids());
    }
}
