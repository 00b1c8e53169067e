package org.siyu.bench.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The identity benchmark's data, the same for every side and every run with one seed: N people, each with about 2.5
 * identities across channels, who appear as 1–3 source records (the identities presented together in one
 * resolution: a WeCom add, a mini-program login, an order), and 0.1 % poison identifiers.
 *
 * <ul>
 * <li>A person has a phone (70 %), a WeChat unionid (60 %), a WeCom contact (40 %), a mini-program openid (30 %), a
 * Tmall nick (20 %), a JD pin (10 %), a Douyin openid (10 %); a person with several records and neither merge key
 * gets a phone, one with nothing gets a WeCom contact.</li>
 * <li>Records: 1 (50 %), 2 (30 %) or 3 (20 %) per person. Each record presents the person's <em>anchor</em> (the
 * phone, else the unionid), so a person's records overlap by a merge key and must be joined; every other identity of
 * the person goes to one of the person's records at random.</li>
 * <li>Poison: as many identifiers as 0.1 % of the people's distinct identities, half phones (a store's phone, a test
 * number) and half unionids, each added to k records of unrelated people chosen at random, k log-uniform in
 * 5–500 (a mean of about 107).</li>
 * <li>The records are shuffled: a person's records are spread over the stream, as they arrive in a shop.</li>
 * </ul>
 * Keys are written as OneID stores them ({@code <channel>:<normalised value>}; phones in E.164).
 */
public final class IdentityData {

    /** OneID's default poison threshold: more distinct claimants than this make a merge key poison. */
    public static final int THRESHOLD = 3;
    /** The share of identifiers that are poison. */
    static final double POISON_SHARE = 0.001;
    static final int POISON_MIN_CLAIMS = 5;
    static final int POISON_MAX_CLAIMS = 500;

    private final int people;
    /** Per record (in stream order), its identity keys. Do not change. */
    private final String[][] records;
    /** Per record, the person it belongs to (the ground truth). */
    private final int[] person;
    private final String[] poison;
    private final int[] poisonClaims;
    private final long identities;

    private IdentityData(int people, String[][] records, int[] person, String[] poison, int[] poisonClaims,
            long identities) {
        this.people = people;
        this.records = records;
        this.person = person;
        this.poison = poison;
        this.poisonClaims = poisonClaims;
        this.identities = identities;
    }

    /** The data of {@code people} people. Each person has a generator seeded by the seed and the person. */
    public static IdentityData generate(int people, long seed) {
        List<String[]> recs = new ArrayList<>(people * 2);
        int[] owner = new int[people * 3];
        long distinct = 0;
        List<String> others = new ArrayList<>(8);
        for (int p = 0; p < people; p++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + p);
            double r = random.nextDouble();
            int count = r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
            String phone = random.nextDouble() < 0.7 ? phone(p) : null;
            String unionid = random.nextDouble() < 0.6 ? "wechat:oU" + Integer.toString(p, 36) + "x" : null;
            others.clear();
            addIf(others, random, 0.4, "wecom:wm" + Integer.toString(p, 36));
            addIf(others, random, 0.3, "mini:om" + Integer.toString(p, 36));
            addIf(others, random, 0.2, "tmall:t" + p);
            addIf(others, random, 0.1, "jd:jd_" + p);
            addIf(others, random, 0.1, "douyin:dy" + Integer.toString(p, 36));
            if (phone == null && unionid == null && count > 1) {
                phone = phone(p);
            }
            if (phone == null && unionid == null && others.isEmpty()) {
                others.add("wecom:wm" + Integer.toString(p, 36));
            }
            String anchor = phone != null ? phone : unionid;
            if (phone != null && unionid != null) {
                others.add(unionid);
            }
            distinct += others.size() + (anchor == null ? 0 : 1);
            List<List<String>> mine = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                List<String> keys = new ArrayList<>(4);
                if (anchor != null) {
                    keys.add(anchor);
                }
                mine.add(keys);
            }
            for (String other : others) {
                mine.get(random.nextInt(count)).add(other);
            }
            for (List<String> keys : mine) {
                if (keys.isEmpty()) { // a single-record person without an anchor got everything above
                    continue;
                }
                if (recs.size() == owner.length) {
                    owner = Arrays.copyOf(owner, owner.length * 2);
                }
                owner[recs.size()] = p;
                recs.add(keys.toArray(String[]::new));
            }
        }
        int n = recs.size();
        String[][] records = recs.toArray(String[][]::new);
        int[] person = Arrays.copyOf(owner, n);

        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_1d_0000L);
        int poisonCount = Math.max(1, (int) Math.round(distinct * POISON_SHARE));
        String[] poison = new String[poisonCount];
        int[] claims = new int[poisonCount];
        Map<Integer, List<String>> extra = new HashMap<>();
        for (int j = 0; j < poisonCount; j++) {
            poison[j] = j % 2 == 0 ? "phone:+86199" + String.format("%08d", j) : "wechat:oSHARED" + j;
            int k = (int) Math.floor(POISON_MIN_CLAIMS * Math.pow((double) POISON_MAX_CLAIMS / POISON_MIN_CLAIMS,
                    random.nextDouble()));
            k = Math.min(k, n);
            claims[j] = k;
            // k distinct records: a partial Fisher–Yates over a sparse permutation
            Map<Integer, Integer> swapped = new HashMap<>();
            for (int i = 0; i < k; i++) {
                int pick = i + random.nextInt(n - i);
                int chosen = swapped.getOrDefault(pick, pick);
                swapped.put(pick, swapped.getOrDefault(i, i));
                extra.computeIfAbsent(chosen, x -> new ArrayList<>(2)).add(poison[j]);
            }
        }
        extra.forEach((r, keys) -> {
            String[] before = records[r];
            String[] after = Arrays.copyOf(before, before.length + keys.size());
            for (int i = 0; i < keys.size(); i++) {
                after[before.length + i] = keys.get(i);
            }
            records[r] = after;
        });

        // Shuffle the stream: Fisher–Yates over records and their people together.
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] rec = records[i];
            records[i] = records[j];
            records[j] = rec;
            int who = person[i];
            person[i] = person[j];
            person[j] = who;
        }
        return new IdentityData(people, records, person, poison, claims, distinct + poisonCount);
    }

    private static String phone(int p) {
        return "phone:+86" + (13_000_000_000L + p);
    }

    private static void addIf(List<String> keys, SplittableRandom random, double probability, String key) {
        if (random.nextDouble() < probability) {
            keys.add(key);
        }
    }

    /** Whether a key is a merge key (OneID's {@code wechat} and {@code phone} channels). */
    public static boolean mergeKey(String key) {
        return key.startsWith("phone:") || key.startsWith("wechat:");
    }

    public int people() {
        return people;
    }

    public int recordCount() {
        return records.length;
    }

    /** Record {@code r}'s identity keys. Do not change the array. */
    public String[] record(int r) {
        return records[r];
    }

    /** The person record {@code r} belongs to. */
    public int person(int r) {
        return person[r];
    }

    /** The poison identifiers. Do not change the array. */
    public String[] poison() {
        return poison;
    }

    /** Per poison identifier, the records it was added to. */
    public int poisonClaims(int j) {
        return poisonClaims[j];
    }

    /** Distinct identities, poison ones included. */
    public long identities() {
        return identities;
    }

    /** Record–identity pairs. */
    public long incidences() {
        long n = 0;
        for (String[] r : records) {
            n += r.length;
        }
        return n;
    }

    /**
     * How a partition (per record, a label shared by exactly the records of one customer) joins people: the
     * customers holding more than one person and the people joined to another's customer (the sum over customers of
     * people − 1). The only identifiers that unrelated people share are the poison ones, so every such join is a
     * merge through a poison identifier.
     */
    public Joins joins(int[] label) {
        if (label.length != records.length) {
            throw new IllegalArgumentException(label.length + " labels for " + records.length + " records");
        }
        // per label, the first person seen and whether others came: sort (label, person) pairs
        long[] pairs = new long[label.length];
        for (int r = 0; r < label.length; r++) {
            pairs[r] = ((long) label[r] << 32) | (person[r] & 0xffffffffL);
        }
        Arrays.sort(pairs);
        int mixed = 0;
        long joined = 0;
        int largest = 1;
        int i = 0;
        while (i < pairs.length) {
            int l = (int) (pairs[i] >>> 32);
            int distinctPeople = 0;
            int lastPerson = -1;
            int j = i;
            while (j < pairs.length && (int) (pairs[j] >>> 32) == l) {
                int who = (int) pairs[j];
                if (who != lastPerson) {
                    distinctPeople++;
                    lastPerson = who;
                }
                j++;
            }
            if (distinctPeople > 1) {
                mixed++;
                joined += distinctPeople - 1;
                largest = Math.max(largest, distinctPeople);
            }
            i = j;
        }
        return new Joins(mixed, joined, largest);
    }

    /**
     * @param customers the customers that hold more than one person
     * @param people    people joined to another person's customer
     * @param largest   the most people in one customer
     */
    public record Joins(int customers, long people, int largest) {
    }
}
