package org.siyu.launcher.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.search.SearchDocument;

/**
 * Measures (does not assert) top-10 search latency over 1 M synthetic customers with Chinese names, remarks as guides
 * write them, tags and masked phones. Off by default: {@code mvn -o -q test -pl platform/launcher -Dtest=SearchBench
 * -Dsiyu.bench=true -DenableAssertions=false} (optionally {@code -Dsiyu.bench.docs=N}; {@code
 * -Dsiyu.bench.dir=/some/folder} keeps the index there and reuses it on the next run with the same N). Prints and
 * writes {@code target/bench-search.txt}.
 *
 * <p>Surefire runs tests with assertions on, and Lucene's own assertions (one checks that a block of doc ids is
 * sorted on every {@code advance}) made queries that leapfrog through long postings up to ten times slower there than
 * in a node, which runs without them: hence {@code -DenableAssertions=false}. The report says which it was.
 *
 * <p>Each query is timed twice in a row, in random order: through {@link LuceneIndex#search} ("after") and as the
 * index answered before common words were made cheap ("before": {@link Before}'s query, all of it scored by BM25, and
 * Lucene's default of counting 1,000 hits), so both see the same load.
 */
@EnabledIfSystemProperty(named = "siyu.bench", matches = "true")
class SearchBench {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国晓梅琳雪婷宇浩然子涵欣怡思雨";
    static final String[] REMARKS = {"喜欢进口猫粮", "家里有两只狗", "只在周末下单", "对价格敏感，等优惠券", "会员日常客",
            "偏好无谷配方", "经常参加直播秒杀", "在门店由导购服务", "咨询过售后", "推荐过三位朋友", "住在上海浦东", "杭州西湖区",
            "北京朝阳门店", "深圳南山", "成都高新区", "母婴用品也买", "老客户，复购频繁", "新客，首单"};
    static final String[] TAGS = {"高价值", "VIP", "新客", "沉睡", "猫主人", "狗主人", "直播粉", "社群活跃", "复购", "流失风险"};
    // The pets as plugins/demo's guides describe them ("两只布偶猫，挑食", "一只金毛，8岁，关节不好").
    static final String[] CATS = {"布偶猫", "英短蓝猫", "橘猫", "美短", "狸花猫", "暹罗猫", "缅因猫", "金渐层"};
    static final String[] DOGS = {"金毛", "柯基", "泰迪", "柴犬", "边牧", "拉布拉多", "比熊", "法斗"};
    static final String[] CAT_NOTES = {"挑食", "肠胃敏感，只吃鸡肉", "在减肥", "刚绝育", "爱喝水", "掉毛多", "不爱吃干粮"};
    static final String[] DOG_NOTES = {"关节不好", "吃得多", "减肥中", "皮肤敏感", "刚打完疫苗", "喜欢冻干", "牙口不好"};
    static final String[] REMARK_WORDS = {"猫粮", "直播", "导购", "优惠券", "复购", "浦东"};
    static final String[] PET_WORDS = {"挑食", "布偶猫", "关节", "金毛", "掉毛", "冻干"};
    static final String[] KINDS = {"name fragment (2 chars)", "full name", "phone last 4", "remark word", "pet word",
            "tag"};
    static final int RUNS = 400;

    @TempDir
    Path temp;

    @Test
    void topTenLatencyOverAMillionCustomers() throws Exception {
        int docs = Integer.getInteger("siyu.bench.docs", 1_000_000);
        String keep = System.getProperty("siyu.bench.dir");
        Path folder = keep == null ? temp.resolve("search") : Path.of(keep).resolve("search-" + docs);
        StringBuilder report = new StringBuilder();
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            if (index.count("customer") != docs) {
                report.append(build(index, docs, folder));
            } else {
                report.append(String.format(Locale.ROOT, "reused the index of %,d customers in %s%n", docs, folder));
            }
            index.refresh();
            report.append(String.format(Locale.ROOT, "load average at start %.1f; Lucene's assertions %s%n", load(),
                    IndexSearcher.class.desiredAssertionStatus() ? "ON (figures too slow: -DenableAssertions=false)"
                            : "off"));
            Before before = new Before(Analysis.smart());
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 300; i++) {
                String q = query(random, i % KINDS.length);
                index.search(q, Set.of(), 10);
                before.search(index, q, 10);
            }
            Map<String, List<List<Long>>> byWord = new LinkedHashMap<>();
            for (int kind = 0; kind < KINDS.length; kind++) {
                long[][] nanos = new long[2][RUNS];
                long[] hits = new long[2];
                for (int i = 0; i < RUNS; i++) {
                    String q = query(random, kind);
                    boolean afterFirst = random.nextBoolean();
                    for (int turn = 0; turn < 2; turn++) {
                        int side = afterFirst == (turn == 0) ? 1 : 0;
                        long start = System.nanoTime();
                        hits[side] += side == 1 ? index.search(q, Set.of(), 10).size() : before.search(index, q, 10);
                        nanos[side][i] = System.nanoTime() - start;
                        if (kind >= 3) {
                            byWord.computeIfAbsent(q, x -> List.of(new ArrayList<>(), new ArrayList<>())).get(side)
                                    .add(nanos[side][i]);
                        }
                    }
                }
                for (int side = 0; side < 2; side++) {
                    report.append(line(KINDS[kind] + (side == 0 ? " before" : " after"), nanos[side], RUNS,
                            hits[side] / (double) RUNS));
                }
            }
            report.append("per word:\n");
            byWord.forEach((word, sides) -> {
                for (int side = 0; side < 2; side++) {
                    long[] nanos = sides.get(side).stream().mapToLong(Long::longValue).toArray();
                    report.append(line("  " + word + (side == 0 ? " before" : " after"), nanos, nanos.length,
                            Double.NaN));
                }
            });
            report.append(String.format(Locale.ROOT, "load average at end %.1f%n", load()));
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-search.txt"), report.toString());
    }

    private static String build(LuceneIndex index, int docs, Path folder) throws Exception {
        long t0 = System.nanoTime();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int part = t;
            parts.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(part);
                List<SearchDocument> batch = new ArrayList<>(1000);
                for (int i = part; i < docs; i += threads) {
                    batch.add(customer(i, random));
                    if (batch.size() == 1000) {
                        index.put(batch);
                        batch.clear();
                    }
                }
                index.put(batch);
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
        index.commit();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return String.format(Locale.ROOT, "indexed %,d customers in %,d ms (%,.0f docs/s, load average %.1f); index %,d MB%n",
                docs, millis, docs * 1000.0 / millis, load(), size(folder) >> 20);
    }

    private static String line(String what, long[] nanos, int n, double hits) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-32s median %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs%s)%n", what,
                sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6, n,
                Double.isNaN(hits) ? "" : String.format(Locale.ROOT, ", avg hits %.1f", hits));
    }

    static SearchDocument customer(int i, SplittableRandom r) {
        String name = name(r);
        String phone = "1" + (30 + r.nextInt(60)) + "****" + String.format("%04d", r.nextInt(10_000));
        return new SearchDocument("customer", Integer.toString(i), name, phone + " · " + REMARKS[r.nextInt(REMARKS.length)]
                .substring(0, 2), Map.of("remark", REMARKS[r.nextInt(REMARKS.length)] + "，" + REMARKS[r.nextInt(REMARKS.length)],
                "pets", pets(r)),
                List.of(phone, TAGS[r.nextInt(TAGS.length)], TAGS[r.nextInt(TAGS.length)]));
    }

    /** As {@code plugins/demo}'s {@code Catalog.remark}: "两只布偶猫，挑食", "一只金毛，8岁，关节不好". */
    static String pets(SplittableRandom r) {
        boolean cat = r.nextBoolean();
        String breed = cat ? CATS[r.nextInt(CATS.length)] : DOGS[r.nextInt(DOGS.length)];
        String age = switch (r.nextInt(4)) {
            case 0 -> cat ? "，4个月" : "，5个月";
            case 1 -> "，" + (8 + r.nextInt(6)) + "岁";
            default -> "";
        };
        String[] notes = cat ? CAT_NOTES : DOG_NOTES;
        return new String[] {"一只", "两只", "三只"}[r.nextInt(3)] + breed + age + "，" + notes[r.nextInt(notes.length)];
    }

    static String name(SplittableRandom r) {
        StringBuilder b = new StringBuilder().append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int given = r.nextInt(3) == 0 ? 1 : 2;
        for (int g = 0; g < given; g++) {
            b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    static String query(SplittableRandom r, int kind) {
        return switch (kind) {
            case 0 -> name(r).substring(0, 2);
            case 1 -> name(r);
            case 2 -> String.format("%04d", r.nextInt(10_000));
            case 3 -> REMARK_WORDS[r.nextInt(REMARK_WORDS.length)];
            case 4 -> PET_WORDS[r.nextInt(PET_WORDS.length)];
            default -> TAGS[r.nextInt(TAGS.length)];
        };
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /**
     * The query and search as they were before (kept to measure against in the same run): every clause scored by
     * BM25, and {@code IndexSearcher.search(query, n)}, which counts the first 1,000 hits before it prunes.
     */
    static final class Before {

        private final Analyzer smart;
        private final Analyzer queryGrams = Analysis.grams(false);

        Before(Analyzer smart) {
            this.smart = smart;
        }

        /** Searches as before and loads the hits' stored fields as before; returns how many hits. */
        int search(LuceneIndex index, String text, int limit) {
            Query q = query(text);
            return q == null ? 0 : index.withSearcher(s -> {
                TopDocs top = s.search(q, limit);
                StoredFields stored = s.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc, Set.of(Fields.TYPE, Fields.ID, Fields.TITLE, Fields.DETAIL));
                    d.get(Fields.ID);
                }
                return top.scoreDocs.length;
            });
        }

        Query query(String text) {
            String q = Analysis.normalize(text);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int clauses = 0;
            List<String> grams = Analysis.terms(queryGrams, Fields.ALL, q);
            if (!grams.isEmpty()) {
                any.add(new BoostQuery(allOf(Fields.TITLE_GRAMS, grams), 3f), Occur.SHOULD);
                any.add(allOf(Fields.ALL, grams), Occur.SHOULD);
                clauses += 2;
            }
            List<String> words = Analysis.terms(smart, Fields.BODY_WORDS, q).stream()
                    .filter(w -> w.codePointCount(0, w.length()) > 1).toList();
            if (!words.isEmpty()) {
                BooleanQuery.Builder each = new BooleanQuery.Builder();
                for (String w : words) {
                    each.add(new BooleanQuery.Builder()
                            .add(new BoostQuery(new TermQuery(new Term(Fields.TITLE_WORDS, w)), 2f), Occur.SHOULD)
                            .add(new TermQuery(new Term(Fields.BODY_WORDS, w)), Occur.SHOULD).build(), Occur.MUST);
                }
                any.add(each.build(), Occur.SHOULD);
                clauses++;
            }
            if (!q.isEmpty()) {
                any.add(new BoostQuery(new TermQuery(new Term(Fields.KEYWORD, q)), 6f), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE_EXACT, q)), 10f), Occur.SHOULD);
                clauses += 2;
                if (q.length() >= 2) {
                    any.add(new BoostQuery(new PrefixQuery(new Term(Fields.KEYWORD, q)), 2f), Occur.SHOULD);
                }
            }
            return clauses == 0 ? null : new BooleanQuery.Builder().add(any.build(), Occur.MUST).build();
        }

        private static Query allOf(String field, List<String> terms) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (int i = 0; i < terms.size(); i++) {
                String t = terms.get(i);
                Query exact = new TermQuery(new Term(field, t));
                if (i == terms.size() - 1 && t.length() >= 2 && Analysis.isWord(t)) {
                    exact = new BooleanQuery.Builder().add(exact, Occur.SHOULD)
                            .add(new PrefixQuery(new Term(field, t)), Occur.SHOULD).build();
                }
                b.add(exact, Occur.MUST);
            }
            return b.build();
        }
    }
}
