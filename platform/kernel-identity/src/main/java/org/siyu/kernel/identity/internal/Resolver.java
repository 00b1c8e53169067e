package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.identity.Resolution;
import org.siyu.kernel.identity.internal.channel.Identity;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.siyu.kernel.identity.internal.store.LinkRow;

/**
 * The write path of {@code resolve}, inside a transaction and under the {@link WriteGate}. The rules (see README):
 * <ol>
 * <li>Poison identities take no part: they stay with the customer that holds them and bring nobody to it.</li>
 * <li>The call's customers are those its other linked identities belong to, in the order given.</li>
 * <li>None: a new customer gets the call's unlinked identities (if every identity is a linked poison one, the
 *     answer is its holder and nothing changes).</li>
 * <li>Several, and at least one of them holds a merge-key identity of the call: all merge into the lowest id, unless
 *     an operator undid a merge between the two before. Otherwise nobody merges and the answer is the customer of the
 *     first linked identity; linked identities stay where they are.</li>
 * <li>The call's unlinked identities are linked to the answer.</li>
 * </ol>
 * Except: when the call reaches one customer only through merge keys and brings an unlinked identity of a channel in
 * which that customer already holds one, the unlinked identities first become a customer of their own, which then
 * claims the keys and merges (or not, once they are poison) like any other customer of the call.
 */
final class Resolver {

    /** The actor recorded on merges made by the rules. */
    static final String ACTOR = "oneid";

    private final Claims claims;
    private final Merger merger;
    private final CustomerEvents events;
    private final IdentityIndex index;

    Resolver(Claims claims, Merger merger, CustomerEvents events, IdentityIndex index) {
        this.claims = claims;
        this.merger = merger;
        this.events = events;
        this.index = index;
    }

    /**
     * Where the resolver finds links. One resolution does one primary-key lookup per identity that may be linked
     * (cheaper than an IN list, whose query Hibernate cannot cache); a batch reads every link of the batch up front
     * and then needs no SQL to learn that an identity is new.
     */
    interface Links {

        /** The link of {@code key} as this transaction sees it, or null. */
        LinkRow find(EntityManager em, String key);

        /** Tells the lookup about a link this transaction created. */
        void linked(LinkRow row);
    }

    /**
     * Primary-key lookups, only of identities that may be linked: those the committed index knows and those this
     * transaction linked. The caller holds the write lock, under which the index is exact for committed links (a
     * writer applies its links before it releases the lock), so an identity known to neither is new without asking
     * the database. Most identities of a first resolution are new: this was a SELECT each (JFR on the identity
     * benchmark: 16 % of a first resolution).
     */
    private Links direct(WriteGate.Txn txn) {
        return new Links() {
            @Override
            public LinkRow find(EntityManager em, String key) {
                return index.get(key) == 0 && !txn.linked(key) ? null : em.find(LinkRow.class, key);
            }

            @Override
            public void linked(LinkRow row) {
            }
        };
    }

    Outcome resolve(EntityManager em, WriteGate.Txn txn, List<Identity> identities, Traits traits, Instant now) {
        return resolve(em, txn, direct(txn), identities, traits, now);
    }

    Outcome resolve(EntityManager em, WriteGate.Txn txn, Links lookup, List<Identity> identities, Traits traits,
            Instant now) {
        List<String> keys = identities.stream().map(Identity::key).toList();
        Map<String, LinkRow> links = new HashMap<>();
        for (String key : keys) {
            LinkRow link = lookup.find(em, key);
            if (link != null) {
                links.put(key, link);
            }
        }
        List<String> linkedKeys = identities.stream()
                .filter(i -> i.mergeKey() && links.containsKey(i.key())).map(Identity::key).toList();
        Set<String> poison = claims.poison(txn, linkedKeys);

        Set<Integer> customers = customers(identities, links, poison);
        List<Identity> keysOfCall = mergeKeys(identities, links, poison);
        // A record that reaches a customer only through a merge key and brings an identity of a channel that customer
        // already holds (a second phone, another WeCom contact) looks like someone else presenting a shared key: it
        // becomes a customer of its own that claims the key and merges through the usual rule, so the key's claims
        // count it, it can turn poison, and the join is a merge an operator sees and can undo.
        int provisional = 0;
        if (customers.size() == 1 && !keysOfCall.isEmpty() && onlyThroughMergeKeys(identities, links, poison)
                && collides(em, txn, customers.iterator().next(), identities, links)) {
            provisional = create(em, txn, lookup, identities, links, traits, now);
            customers = new LinkedHashSet<>(customers);
            customers.add(provisional);
        }
        if (customers.size() > 1 && !keysOfCall.isEmpty()) {
            boolean flagged = false;
            Map<Integer, String> through = through(identities, links, poison);
            for (Identity key : keysOfCall) {
                if (claims.claim(em, txn, key, links.get(key.key()).getCustomerId(), customers, through, now)) {
                    poison.add(key.key());
                    flagged = true;
                }
            }
            if (flagged) {
                customers = customers(identities, links, poison);
                keysOfCall = mergeKeys(identities, links, poison);
            }
        }

        boolean created = false;
        List<Integer> merged = new ArrayList<>();
        int answer;
        if (customers.isEmpty()) {
            if (identities.stream().allMatch(i -> links.containsKey(i.key()))) {
                answer = links.get(keys.getFirst()).getCustomerId();
            } else {
                answer = create(em, txn, lookup, identities, links, traits, now);
                created = true;
            }
        } else {
            answer = customers.iterator().next();
            if (customers.size() > 1 && !keysOfCall.isEmpty()) {
                int survivor = Collections.min(customers);
                for (int customer : customers.stream().sorted().toList()) {
                    if (customer != survivor && !merger.separated(em, survivor, customer)) {
                        Identity evidence = evidence(keysOfCall, links, survivor, customer);
                        merger.merge(em, txn, survivor, customer, "shared-" + evidence.channel(), evidence.masked(),
                                ACTOR, now);
                        merged.add(customer);
                    }
                }
                if (!merged.isEmpty()) {
                    answer = survivor;
                }
            }
            created = answer == provisional;
            List<String> linked = created ? List.of()
                    : link(em, txn, lookup, identities, links, answer, tie(identities, links, poison, answer, merged),
                            now);
            List<String> changed = traits.isEmpty() || created ? List.of()
                    : applyTraits(txn, em.find(CustomerRow.class, answer), traits);
            if (!linked.isEmpty() || !changed.isEmpty()) {
                events.updated(answer, linked, changed);
            }
        }
        List<String> leftOut = new ArrayList<>();
        for (Identity identity : identities) {
            LinkRow link = links.get(identity.key());
            if (poison.contains(identity.key()) && link != null && link.getCustomerId() != answer) {
                leftOut.add(identity.masked());
            }
        }
        return new Outcome(new Resolution(answer, created, List.copyOf(merged)), List.copyOf(leftOut));
    }

    /**
     * Per customer of the call, the identity through which it is one: its first non-poison linked identity of the call
     * that is not a merge key, else its first merge key. What a claim stood for (the graph check drops the claims of a
     * customer that was in a call only through a key that is poison now).
     */
    private static Map<Integer, String> through(List<Identity> identities, Map<String, LinkRow> links,
            Set<String> poison) {
        Map<Integer, String> through = new HashMap<>();
        for (Identity identity : identities) {
            LinkRow link = links.get(identity.key());
            if (link != null && !poison.contains(identity.key())) {
                String had = through.get(link.getCustomerId());
                if (had == null || (!identity.mergeKey() && isMergeKey(identities, had))) {
                    through.put(link.getCustomerId(), identity.key());
                }
            }
        }
        return through;
    }

    private static boolean isMergeKey(List<Identity> identities, String key) {
        for (Identity identity : identities) {
            if (identity.key().equals(key)) {
                return identity.mergeKey();
            }
        }
        return false;
    }

    /** Whether every non-poison linked identity of the call is a merge key (nothing else ties it to a customer). */
    private static boolean onlyThroughMergeKeys(List<Identity> identities, Map<String, LinkRow> links,
            Set<String> poison) {
        for (Identity identity : identities) {
            if (links.containsKey(identity.key()) && !poison.contains(identity.key()) && !identity.mergeKey()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an unlinked identity of the call is of a channel in which {@code customer} already holds one. The query
     * does not flush the session: in a {@code resolveAll} batch an auto-flush dirty-checks every entity of the batch
     * before each such query (quadratic in the batch, see BatchInserts). What the query cannot see yet, this
     * transaction's own link changes, comes from {@code txn}, which records every link and move it makes.
     */
    private static boolean collides(EntityManager em, WriteGate.Txn txn, int customer, List<Identity> identities,
            Map<String, LinkRow> links) {
        Set<String> fresh = new HashSet<>();
        for (Identity identity : identities) {
            if (!links.containsKey(identity.key())) {
                fresh.add(identity.channel());
            }
        }
        if (fresh.isEmpty()) {
            return false;
        }
        for (String key : txn.linkedTo(customer)) {
            if (fresh.contains(key.substring(0, key.indexOf(':')))) {
                return true;
            }
        }
        List<Object[]> held = em.createQuery("select l.identity, l.channel from LinkRow l where l.customerId = :c",
                        Object[].class)
                .setParameter("c", customer)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        for (Object[] row : held) {
            int now = txn.linkedTo((String) row[0]);
            if ((now == 0 || now == customer) && fresh.contains((String) row[1])) {
                return true;
            }
        }
        return false;
    }

    /** The customers the call's non-poison linked identities belong to, in the call's order. */
    private static Set<Integer> customers(List<Identity> identities, Map<String, LinkRow> links, Set<String> poison) {
        Set<Integer> customers = new LinkedHashSet<>();
        for (Identity identity : identities) {
            LinkRow link = links.get(identity.key());
            if (link != null && !poison.contains(identity.key())) {
                customers.add(link.getCustomerId());
            }
        }
        return customers;
    }

    private static List<Identity> mergeKeys(List<Identity> identities, Map<String, LinkRow> links, Set<String> poison) {
        return identities.stream()
                .filter(i -> i.mergeKey() && links.containsKey(i.key()) && !poison.contains(i.key()))
                .toList();
    }

    /**
     * Why {@code merged} joins {@code survivor}: the call's first merge key that the merged customer holds, else the
     * first one the survivor holds, else the call's first merge key (held by a third customer of the call).
     */
    private static Identity evidence(List<Identity> keys, Map<String, LinkRow> links, int survivor, int merged) {
        for (int holder : new int[] {merged, survivor}) {
            for (Identity key : keys) {
                if (links.get(key.key()).getCustomerId() == holder) {
                    return key;
                }
            }
        }
        return keys.getFirst();
    }

    private int create(EntityManager em, WriteGate.Txn txn, Links lookup, List<Identity> identities,
            Map<String, LinkRow> links, Traits traits, Instant now) {
        String channel = identities.stream().filter(i -> !links.containsKey(i.key())).findFirst().orElseThrow().channel();
        CustomerRow row = new CustomerRow(now, channel, traits.campaign(), traits.owner());
        row.getTraits().putAll(traits.others());
        em.persist(row);
        txn.customer(row.getId(), true, row.getOwner());
        List<String> linked = link(em, txn, lookup, identities, links, row.getId(), null, now);
        events.created(row.getId(), linked, channel);
        return row.getId();
    }

    /**
     * The identity through which the call reached {@code answer}, recorded on the links it makes there (ADR 0015): the
     * call's first non-poison linked identity now with the answer or with a customer merged into it, one that is not a
     * merge key first (a WeCom contact, an openid: one person's), else a merge key.
     */
    private static String tie(List<Identity> identities, Map<String, LinkRow> links, Set<String> poison, int answer,
            List<Integer> merged) {
        String key = null;
        for (Identity identity : identities) {
            LinkRow link = links.get(identity.key());
            if (link == null || poison.contains(identity.key()) || (link.getCustomerId() != answer
                    && !merged.contains(link.getCustomerId()))) {
                continue;
            }
            if (!identity.mergeKey()) {
                return identity.key();
            }
            if (key == null) {
                key = identity.key();
            }
        }
        return key;
    }

    /**
     * Links the call's unlinked identities to {@code customer}, also in {@code links}; returns their keys.
     *
     * @param via the call's identity through which it reached {@code customer}, or null when the call created it
     */
    private static List<String> link(EntityManager em, WriteGate.Txn txn, Links lookup, List<Identity> identities,
            Map<String, LinkRow> links, int customer, String via, Instant now) {
        List<String> linked = new ArrayList<>();
        String with = null;
        for (Identity identity : identities) {
            if (!links.containsKey(identity.key())) {
                if (via != null && with == null) {
                    with = identity.key();
                }
                LinkRow row = via == null ? new LinkRow(identity.key(), customer, identity.channel(), now)
                        : new LinkRow(identity.key(), customer, identity.channel(), now, via, with);
                em.persist(row);
                lookup.linked(row);
                txn.link(identity.key(), customer);
                linked.add(identity.key());
                links.put(identity.key(), row);
            }
        }
        return linked;
    }

    /**
     * Later traits overwrite earlier ones; campaign and owner are first touch: set only when the customer has none.
     *
     * @return the names of what changed ({@code campaign}, {@code owner} and trait names)
     */
    private static List<String> applyTraits(WriteGate.Txn txn, CustomerRow row, Traits traits) {
        if (traits.isEmpty()) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        if (row.getCampaign() == null && traits.campaign() != null) {
            row.setCampaign(traits.campaign());
            changed.add("campaign");
        }
        if (row.getOwner() == null && traits.owner() != null) {
            row.setOwner(traits.owner());
            txn.customer(row.getId(), true, row.getOwner());
            changed.add("owner");
        }
        traits.others().forEach((name, value) -> {
            if (!value.equals(row.getTraits().get(name))) {
                row.getTraits().put(name, value);
                changed.add(name);
            }
        });
        return changed;
    }
}
