package org.siyu.bench.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The customer file of the {@code import} benchmark: {@code 姓名,手机号,unionid,旺旺,企业微信,城市}, the columns a brand
 * exports from its shop and WeCom tools, which kernel-import's guess maps to {@code name, phone, wechat, tmall, wecom,
 * city}. Row {@code i} is a function of the seed and the rows before it: the same seed gives the same file anywhere.
 *
 * <p>Kinds of rows:
 * <ul>
 *   <li><b>one person</b> (98.5 % of new rows): a phone (85 %), a unionid (75 %), a Tmall nick (50 %), a WeCom id
 *       (40 %), at least one of them; about 2.5 identities per row. A tenth of the phones are written
 *       {@code 138-1234-5678} or {@code +86 13812345678}: OneID's phone channel and the peer normalise them.</li>
 *   <li><b>a person in three rows</b> (1 % of new persons): row A phone + Tmall nick, row B (1–2,000 rows later)
 *       unionid + WeCom id — two customers — and row C (1–2,000 rows after B) phone + unionid: the two merge.</li>
 * </ul>
 * No identity is ever claimed by more than two customers, so the poison rule never fires and the naive peer, which
 * has no such rule, must end exactly where OneID does. Rows that share a shop's phone are left to the {@code identity}
 * benchmark: since OneID's shared-key rule (a record that reaches a customer only through someone else's merge key
 * becomes its own customer and claims the key), where they end depends on claims and poison, which the naive peer
 * does not model.
 */
final class ImportData {

    static final String HEADER = "姓名,手机号,unionid,旺旺,企业微信,城市";
    /** The mapping by column, as the import's guess finds it (checked before the run). */
    static final Map<String, String> MAPPING = Map.of("姓名", "name", "手机号", "phone", "unionid", "wechat",
            "旺旺", "tmall", "企业微信", "wecom", "城市", "city");

    enum Kind { PERSON, SPLIT_A, SPLIT_B, BRIDGE }

    /**
     * One row. Identities are given as OneID stores them ({@code <channel>:<normalised value>}); the cells as written.
     *
     * @param group the customer the row ends up in, as a key: {@code p<person>}, or for the
     *              persons in three rows {@code a<person>} (row A) and {@code b<person>} (row B), joined by row C
     */
    record Row(int index, Kind kind, int person, String[] cells, List<String> identities, String group) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰",
        "娟", "涛", "明", "超", "秀英", "霞", "平", "小红", "晓东", "子涵", "欣怡"};
    private static final String[] CITIES = {"上海", "北京", "杭州", "广州", "深圳", "成都", "南京", "苏州", "武汉", "西安"};
    private static final String[] NICKS = {"布丁妈妈", "可乐的铲屎官", "喵星人", "汪汪队长", "猫奴", "小鱼干"};

    private final int rows;
    private final long seed;

    ImportData(int rows, long seed) {
        this.rows = rows;
        this.seed = seed;
    }

    int rows() {
        return rows;
    }

    /** Writes the first {@code count} rows (with the header) as UTF-8. */
    Path write(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            Iterator<Row> it = rows(count);
            while (it.hasNext()) {
                out.write(String.join(",", it.next().cells()));
                out.write('\n');
            }
        }
        return file;
    }

    /** The first {@code count} rows, generated as they are read. */
    Iterator<Row> rows(int count) {
        if (count > rows) {
            throw new IllegalArgumentException("only " + rows + " rows");
        }
        return new Generator(count);
    }

    /** What any correct import of the first {@code prefix} rows must end with. */
    record Expected(int rows, long identities, long customers, long merges, Map<String, Set<String>> samples) {

        long live() {
            return customers - merges;
        }
    }

    /**
     * Counts the first {@code prefix} rows make and, for {@code samples} identities spread over them (the first
     * identity of evenly spaced rows), the identities of the customer each belongs to at the end. Worked out from the
     * rows' groups, not by running any resolver: an oracle both sides are held to.
     */
    Expected expect(int prefix, int samples) {
        long identities = 0;
        long customers = 0;
        long merges = 0;
        Map<String, String> joined = new HashMap<>(); // "b<p>" -> "a<p>" once row C is in the prefix
        Map<String, String> sampleGroup = new HashMap<>();
        int step = Math.max(1, prefix / Math.max(1, samples));
        Iterator<Row> it = rows(prefix);
        while (it.hasNext()) {
            Row row = it.next();
            switch (row.kind()) {
                case PERSON, SPLIT_A, SPLIT_B -> {
                    customers++;
                    identities += row.identities().size();
                }
                case BRIDGE -> {
                    merges++;
                    joined.put("b" + row.person(), "a" + row.person());
                }
            }
            if (row.index() % step == 0 && sampleGroup.size() < samples) {
                sampleGroup.put(row.identities().getFirst(), row.group());
            }
        }
        Map<String, Set<String>> members = new HashMap<>();
        for (String group : sampleGroup.values()) {
            members.put(joined.getOrDefault(group, group), new TreeSet<>());
        }
        it = rows(prefix);
        while (it.hasNext()) {
            Row row = it.next();
            Set<String> set = members.get(joined.getOrDefault(row.group(), row.group()));
            if (set != null) {
                set.addAll(row.identities());
            }
        }
        Map<String, Set<String>> expected = new HashMap<>();
        sampleGroup.forEach((identity, group) -> expected.put(identity,
                members.get(joined.getOrDefault(group, group))));
        return new Expected(prefix, identities, customers, merges, expected);
    }

    private final class Generator implements Iterator<Row> {

        private final int count;
        private final SplittableRandom random = new SplittableRandom(seed);
        /** Rows B and C of persons in three rows, by the row index they are due at. */
        private final PriorityQueue<long[]> due = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        private int index;
        private int nextPerson;

        Generator(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return index < count;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = index++;
            long[] scheduled = due.peek();
            if (scheduled != null && scheduled[0] <= i) {
                due.poll();
                int person = (int) scheduled[1];
                if (scheduled[2] == 0) {
                    due.add(new long[] {i + 1 + random.nextInt(2_000), person, 1});
                    return row(i, Kind.SPLIT_B, person, null, unionid(person), null, wecom(person), "b" + person);
                }
                return row(i, Kind.BRIDGE, person, phone(person, random), unionid(person), null, null, "a" + person);
            }
            int person = nextPerson++;
            double kind = random.nextDouble();
            if (kind < 0.010) {
                due.add(new long[] {i + 1 + random.nextInt(2_000), person, 0});
                return row(i, Kind.SPLIT_A, person, phone(person, random), null, tmall(person), null, "a" + person);
            }
            String phone = random.nextDouble() < 0.85 ? phone(person, random) : null;
            String union = random.nextDouble() < 0.75 ? unionid(person) : null;
            String nick = random.nextDouble() < 0.5 ? tmall(person) : null;
            String wecom = random.nextDouble() < 0.4 ? wecom(person) : null;
            if (phone == null && union == null && nick == null && wecom == null) {
                phone = phone(person, random);
            }
            return row(i, Kind.PERSON, person, phone, union, nick, wecom, "p" + person);
        }

        private Row row(int i, Kind kind, int person, String phone, String union, String nick, String wecom,
                String group) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String city = random.nextDouble() < 0.7 ? CITIES[random.nextInt(CITIES.length)] : "";
            String[] cells = {name, phone == null ? "" : phone, union == null ? "" : union, nick == null ? "" : nick,
                wecom == null ? "" : wecom, city};
            List<String> identities = new ArrayList<>(4);
            if (phone != null) {
                identities.add("phone:" + normalisedPhone(phone));
            }
            if (union != null) {
                identities.add("wechat:" + union);
            }
            if (nick != null) {
                identities.add("tmall:" + nick);
            }
            if (wecom != null) {
                identities.add("wecom:" + wecom);
            }
            return new Row(i, kind, person, cells, List.copyOf(identities), group);
        }
    }

    /** A mainland mobile number of the person's own, unique per person (a bijection of the person number). */
    private static String phone(int person, SplittableRandom random) {
        String digits = "13" + String.format("%09d", (person * 387_420_489L + 12_345) % 1_000_000_000L);
        double style = random.nextDouble();
        if (style < 0.05) {
            return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
        }
        if (style < 0.10) {
            return "+86 " + digits;
        }
        return digits;
    }

    /** The E.164 form OneID stores: digits of a mainland mobile number behind {@code +86}. */
    static String normalisedPhone(String written) {
        String digits = written.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return "+86" + digits;
    }

    private static String unionid(int person) {
        return "o6_bm" + hex(mix(person));
    }

    private static String wecom(int person) {
        return "wm" + hex(mix(person ^ 0x5bd1e995L)) + "Aq";
    }

    private static String tmall(int person) {
        return NICKS[person % NICKS.length] + Long.toUnsignedString(mix(person + 0x9E3779B9L), 36);
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }

    /** A bijection on longs (SplitMix64's finaliser): distinct persons, distinct ids. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
