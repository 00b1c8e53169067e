package org.siyu.bench.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The peer: what a developer writes first. Hibernate with its defaults (no JDBC batching; IDENTITY ids, so every
 * {@code persist} is an {@code INSERT} at once), the schema generated from the two entities, an H2 file with the same
 * {@code WRITE_DELAY=0} as the node. The file is read line by line. For each row: one query per identity to look it up,
 * then the same rules as OneID — none known: a new customer; one customer: that one; several and one of the known
 * identities is a phone or a unionid: they merge into the lowest id (their identities are moved, the others marked
 * merged); the row's unknown identities are inserted for the answer, its name and city written on it. A transaction
 * per row or per {@code commitEvery} rows.
 */
final class NaiveImport implements AutoCloseable {

    private final String url;
    private final SessionFactory factory;

    NaiveImport(Path folder) {
        url = "jdbc:h2:file:" + folder.resolve("naive").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        sources.addAnnotatedClass(NaiveCustomer.class);
        sources.addAnnotatedClass(NaiveIdentity.class);
        factory = sources.buildMetadata().buildSessionFactory();
    }

    /**
     * Imports the first {@code rows} rows of the file.
     *
     * @param commitEvery rows per transaction (1: a commit per row)
     * @return the nanoseconds it took, reading the file included
     */
    long run(Path csv, int rows, int commitEvery) throws IOException {
        long start = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.readLine(); // the header
            int done = 0;
            while (done < rows) {
                try (Session session = factory.openSession()) {
                    Transaction tx = session.beginTransaction();
                    for (int i = 0; i < commitEvery && done < rows; i++, done++) {
                        String line = in.readLine();
                        if (line == null) {
                            throw new IllegalStateException("the file ended after " + done + " rows");
                        }
                        row(session, line.split(",", -1));
                    }
                    tx.commit();
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static void row(Session session, String[] cells) {
        Map<String, String> identities = new LinkedHashMap<>(); // key -> channel
        if (!cells[1].isEmpty()) {
            identities.put("phone:" + ImportData.normalisedPhone(cells[1]), "phone");
        }
        if (!cells[2].isEmpty()) {
            identities.put("wechat:" + cells[2], "wechat");
        }
        if (!cells[3].isEmpty()) {
            identities.put("tmall:" + cells[3], "tmall");
        }
        if (!cells[4].isEmpty()) {
            identities.put("wecom:" + cells[4], "wecom");
        }
        Instant now = Instant.now();
        Map<String, NaiveIdentity> known = new LinkedHashMap<>();
        for (String key : identities.keySet()) {
            NaiveIdentity found = session.createQuery("from NaiveIdentity i where i.identity = :v", NaiveIdentity.class)
                    .setParameter("v", key)
                    .uniqueResult();
            if (found != null) {
                known.put(key, found);
            }
        }
        Set<NaiveCustomer> customers = new LinkedHashSet<>();
        boolean mergeKey = false;
        for (NaiveIdentity identity : known.values()) {
            customers.add(identity.getCustomer());
            mergeKey |= identity.getChannel().equals("phone") || identity.getChannel().equals("wechat");
        }
        NaiveCustomer answer;
        if (customers.isEmpty()) {
            String first = identities.values().iterator().next();
            answer = new NaiveCustomer(first, now);
            session.persist(answer);
        } else if (customers.size() == 1 || !mergeKey) {
            answer = customers.iterator().next();
        } else {
            answer = customers.stream().min((a, b) -> Long.compare(a.getId(), b.getId())).orElseThrow();
            for (NaiveCustomer merged : customers) {
                if (merged != answer) {
                    List<NaiveIdentity> moved = session.createQuery("from NaiveIdentity i where i.customer = :c",
                            NaiveIdentity.class).setParameter("c", merged).getResultList();
                    moved.forEach(i -> i.setCustomer(answer));
                    merged.setMergedInto(answer.getId());
                }
            }
        }
        for (Map.Entry<String, String> identity : identities.entrySet()) {
            if (!known.containsKey(identity.getKey())) {
                session.persist(new NaiveIdentity(identity.getKey(), identity.getValue(), answer, now));
            }
        }
        if (!cells[0].isEmpty()) {
            answer.setName(cells[0]);
        }
        if (!cells[5].isEmpty()) {
            answer.setCity(cells[5]);
        }
    }

    /** Where the peer ended, read with plain SQL. */
    Outcome outcome(Set<String> sampleIdentities) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            Map<String, Set<String>> samples = new LinkedHashMap<>();
            try (PreparedStatement holder = c.prepareStatement("SELECT customer_id FROM naive_identity WHERE identity = ?");
                    PreparedStatement all = c.prepareStatement("SELECT identity FROM naive_identity WHERE customer_id = ?")) {
                for (String identity : sampleIdentities) {
                    samples.put(identity, Outcome.membersOf(holder, all, identity));
                }
            }
            return new Outcome(SiyuNode.count(c, "SELECT COUNT(*) FROM naive_identity"),
                    SiyuNode.count(c, "SELECT COUNT(*) FROM naive_customer"),
                    SiyuNode.count(c, "SELECT COUNT(*) FROM naive_customer WHERE merged_into IS NULL"),
                    SiyuNode.count(c, "SELECT COUNT(*) FROM naive_customer WHERE merged_into IS NOT NULL"), samples,
                    Map.of());
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
