package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 */
final class Resolver {

    /** The actor recorded on merges made by the rules. */
    static final String ACTOR = "oneid";

    private final Claims claims;
    private final Merger merger;
    private final CustomerEvents events;

    Resolver(Claims claims, Merger merger, CustomerEvents events) {
        this.claims = claims;
        this.merger = merger;
        this.events = events;
    }

    /**
     * Where the resolver finds links. One resolution does one primary-key lookup per identity (cheaper than an IN
     * list, whose query Hibernate cannot cache); a batch reads every link of the batch up front and then needs no
     * SQL to learn that an identity is new.
     */
    interface Links {

        /** Primary-key lookups in the transaction's session. */
        Links DIRECT = new Links() {
            @Override
            public LinkRow find(EntityManager em, String key) {
                return em.find(LinkRow.class, key);
            }

            @Override
            public void linked(LinkRow row) {
            }
        };

        /** The link of {@code key} as this transaction sees it, or null. */
        LinkRow find(EntityManager em, String key);

        /** Tells the lookup about a link this transaction created. */
        void linked(LinkRow row);
    }

    Outcome resolve(EntityManager em, WriteGate.Txn txn, List<Identity> identities, Traits traits, Instant now) {
        return resolve(em, txn, Links.DIRECT, identities, traits, now);
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
        Set<String> poison = claims.poison(em, linkedKeys);

        Set<Integer> customers = customers(identities, links, poison);
        List<Identity> keysOfCall = mergeKeys(identities, links, poison);
        if (customers.size() > 1 && !keysOfCall.isEmpty()) {
            boolean flagged = false;
            for (Identity key : keysOfCall) {
                if (claims.claim(em, key, links.get(key.key()).getCustomerId(), customers, now)) {
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
            List<String> linked = link(em, txn, lookup, identities, links, answer, now);
            List<String> changed = applyTraits(txn, em.find(CustomerRow.class, answer), traits);
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
        List<String> linked = link(em, txn, lookup, identities, links, row.getId(), now);
        events.created(row.getId(), linked, channel);
        return row.getId();
    }

    /** Links the call's unlinked identities to {@code customer}; returns their keys. */
    private static List<String> link(EntityManager em, WriteGate.Txn txn, Links lookup, List<Identity> identities,
            Map<String, LinkRow> links, int customer, Instant now) {
        List<String> linked = new ArrayList<>();
        for (Identity identity : identities) {
            if (!links.containsKey(identity.key())) {
                LinkRow row = new LinkRow(identity.key(), customer, identity.channel(), now);
                em.persist(row);
                lookup.linked(row);
                txn.link(identity.key(), customer);
                linked.add(identity.key());
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
