package org.siyu.bench.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.siyu.bench.Mismatch;

/**
 * Where one side ended after an import: the counts, and for each sample identity the identities of the customer that
 * holds it (customer ids differ between the sides; the set of identities a customer has does not).
 *
 * @param events the outbox rows by type (Siyu only; empty for the peer, which publishes nothing)
 */
record Outcome(long identities, long customers, long live, long merges, Map<String, Set<String>> samples,
        Map<String, Long> events) {

    /** The identities of the customer holding {@code identity}; empty when nobody holds it. */
    static Set<String> membersOf(PreparedStatement holder, PreparedStatement all, String identity) throws SQLException {
        holder.setString(1, identity);
        long customer;
        try (ResultSet rs = holder.executeQuery()) {
            if (!rs.next()) {
                return Set.of();
            }
            customer = rs.getLong(1);
        }
        all.setLong(1, customer);
        Set<String> members = new TreeSet<>();
        try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                members.add(rs.getString(1));
            }
        }
        return members;
    }

    /**
     * @throws Mismatch naming the first count or sample identity where {@code side} differs from what the rows make
     */
    void check(String side, ImportData.Expected expected) {
        compare(side, "identities linked", expected.identities(), identities);
        compare(side, "customers created", expected.customers(), customers);
        compare(side, "merges", expected.merges(), merges);
        compare(side, "customers not merged away", expected.live(), live);
        for (Map.Entry<String, Set<String>> sample : expected.samples().entrySet()) {
            Set<String> actual = samples.get(sample.getKey());
            if (!sample.getValue().equals(actual)) {
                throw new Mismatch(side + ", first " + expected.rows() + " rows: the customer holding "
                        + sample.getKey() + " has the identities " + actual + "; the rows give it "
                        + sample.getValue());
            }
        }
    }

    private static void compare(String side, String what, long expected, long actual) {
        if (expected != actual) {
            throw new Mismatch(side + ": " + what + " " + actual + ", the rows make " + expected);
        }
    }

    /** The sample identities' customers of two sides, compared directly. */
    static void same(String a, Outcome x, String b, Outcome y) {
        for (Map.Entry<String, Set<String>> e : x.samples().entrySet()) {
            Set<String> other = y.samples().get(e.getKey());
            if (!new TreeSet<>(e.getValue()).equals(other == null ? null : new TreeSet<>(other))) {
                throw new Mismatch("the customer holding " + e.getKey() + " has " + e.getValue() + " on " + a + " but "
                        + other + " on " + b);
            }
        }
        if (x.identities() != y.identities() || x.customers() != y.customers() || x.live() != y.live()) {
            throw new Mismatch(a + " has " + x.identities() + " identities, " + x.customers() + " customers ("
                    + x.live() + " not merged away); " + b + " has " + y.identities() + ", " + y.customers() + " ("
                    + y.live() + ")");
        }
    }
}
