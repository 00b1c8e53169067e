package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.siyu.api.identity.Customer;

/**
 * Reads customers as the SDK shows them, many at once, with a fixed number of queries per 500 ids: the rows with
 * their traits, their links, the customers merged into them (level by level, for the traits they absorbed) and the
 * survivors of merged ones (chain by chain). Never one query per customer.
 *
 * <p>Every query is a projection: nothing read here becomes a managed entity. Reads happen inside long transactions
 * (an order recorded per customer of a demo batch or an import, thousands in one transaction), and each entity left in
 * the session was dirty-checked again before every later query of that transaction: reading customers was half the
 * demo seed's time.
 */
final class CustomerReader {

    /** What a customer row holds, read as values. */
    private record Row(int id, Instant createdAt, String firstChannel, String campaign, String owner, int mergedInto,
            Map<String, String> traits) {
    }

    private CustomerReader() {
    }

    /** The customers of {@code ids} in that order; unknown ids are skipped and repeated ones answered once. */
    static List<Customer> read(EntityManager em, int[] ids) {
        Set<Integer> wanted = new LinkedHashSet<>();
        for (int id : ids) {
            if (id > 0) {
                wanted.add(id);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Integer, Row> rows = rows(em, "c.id", wanted);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<String>> identities = new HashMap<>();
        inChunks(rows.keySet(), chunk -> em.createQuery("select l.customerId, l.identity from LinkRow l "
                        + "where l.customerId in :ids order by l.linkedAt, l.identity", Object[].class)
                .setParameter("ids", chunk).getResultList())
                .forEach(r -> identities.computeIfAbsent((Integer) r[0], k -> new ArrayList<>()).add((String) r[1]));
        Map<Integer, List<Row>> absorbed = absorbed(em, rows.keySet());
        Map<Integer, Integer> mergedInto = survivors(em, rows.values());

        List<Customer> customers = new ArrayList<>(rows.size());
        for (int id : wanted) {
            Row row = rows.get(id);
            if (row == null) {
                continue;
            }
            Map<String, String> traits = new LinkedHashMap<>(row.traits());
            absorbedTraits(id, absorbed, traits);
            customers.add(new Customer(id, List.copyOf(identities.getOrDefault(id, List.of())), traits,
                    row.createdAt(), row.firstChannel(), row.campaign(), row.owner(),
                    finalSurvivor(row.mergedInto(), mergedInto)));
        }
        return customers;
    }

    private static Map<Integer, Row> rows(EntityManager em, String column, Collection<Integer> ids) {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        inChunks(ids, chunk -> em.createQuery("select c.id, c.createdAt, c.firstChannel, c.campaign, c.owner, "
                        + "c.mergedInto from CustomerRow c where " + column + " in :ids order by c.id", Object[].class)
                .setParameter("ids", chunk).getResultList())
                .forEach(r -> rows.put((Integer) r[0], new Row((Integer) r[0], (Instant) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (Integer) r[5], new HashMap<>())));
        if (!rows.isEmpty()) {
            inChunks(rows.keySet(), chunk -> em.createQuery("select c.id, key(t), value(t) from CustomerRow c "
                            + "join c.traits t where c.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList())
                    .forEach(r -> rows.get((Integer) r[0]).traits().put((String) r[1], (String) r[2]));
        }
        return rows;
    }

    /** Every customer merged (directly or not) into one of {@code roots}, by the customer it was merged into. */
    private static Map<Integer, List<Row>> absorbed(EntityManager em, Collection<Integer> roots) {
        Map<Integer, List<Row>> children = new HashMap<>();
        Set<Integer> seen = new HashSet<>(roots);
        Collection<Integer> level = roots;
        while (!level.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (Row row : rows(em, "c.mergedInto", level).values()) {
                children.computeIfAbsent(row.mergedInto(), k -> new ArrayList<>()).add(row);
                if (seen.add(row.id())) {
                    next.add(row.id());
                }
            }
            level = next;
        }
        children.values().forEach(list -> list.sort(Comparator.comparingInt(Row::id)));
        return children;
    }

    /** Where the customer has none of its own, the traits of those merged into it, breadth first, by id. */
    private static void absorbedTraits(int id, Map<Integer, List<Row>> children, Map<String, String> traits) {
        Deque<Integer> todo = new ArrayDeque<>(List.of(id));
        Set<Integer> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (Row row : children.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(row.id())) {
                    row.traits().forEach(traits::putIfAbsent);
                    todo.add(row.id());
                }
            }
        }
    }

    /** {@code id → merged_into} of every customer on the chains from {@code rows} to their final survivors. */
    private static Map<Integer, Integer> survivors(EntityManager em, Collection<Row> rows) {
        Map<Integer, Integer> mergedInto = new HashMap<>();
        rows.forEach(r -> mergedInto.put(r.id(), r.mergedInto()));
        Set<Integer> missing = new HashSet<>();
        for (Row row : rows) {
            if (row.mergedInto() != 0 && !mergedInto.containsKey(row.mergedInto())) {
                missing.add(row.mergedInto());
            }
        }
        while (!missing.isEmpty()) {
            Set<Integer> next = new HashSet<>();
            for (Object[] r : inChunks(missing, chunk -> em.createQuery("select c.id, c.mergedInto from CustomerRow c "
                    + "where c.id in :ids", Object[].class).setParameter("ids", chunk).getResultList())) {
                int id = (Integer) r[0];
                int into = (Integer) r[1];
                mergedInto.put(id, into);
                if (into != 0 && !mergedInto.containsKey(into)) {
                    next.add(into);
                }
            }
            missing.forEach(id -> mergedInto.putIfAbsent(id, 0));
            next.removeAll(mergedInto.keySet());
            missing = next;
        }
        return mergedInto;
    }

    private static int finalSurvivor(int first, Map<Integer, Integer> mergedInto) {
        int survivor = first;
        Set<Integer> seen = new HashSet<>();
        while (survivor != 0 && seen.add(survivor)) {
            int next = mergedInto.getOrDefault(survivor, 0);
            if (next == 0) {
                break;
            }
            survivor = next;
        }
        return survivor;
    }

    private static <T> List<T> inChunks(Collection<Integer> ids, Function<List<Integer>, List<T>> query) {
        List<Integer> all = new ArrayList<>(ids);
        List<T> results = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BatchLinks.CHUNK) {
            results.addAll(query.apply(all.subList(from, Math.min(all.size(), from + BatchLinks.CHUNK))));
        }
        return results;
    }
}
