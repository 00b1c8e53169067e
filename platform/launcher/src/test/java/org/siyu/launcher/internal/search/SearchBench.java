package org.siyu.launcher.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.search.SearchDocument;

/**
 * Measures (does not assert) top-10 search latency over 1 M synthetic customers with Chinese names, remarks, tags and
 * masked phones. Off by default: {@code mvn -o -q install -pl platform/launcher -Dtest=SearchBench
 * -Dsiyu.bench=true} (optionally {@code -Dsiyu.bench.docs=N}). Prints and writes {@code target/bench-search.txt}.
 */
@EnabledIfSystemProperty(named = "siyu.bench", matches = "true")
class SearchBench {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国晓梅琳雪婷宇浩然子涵欣怡思雨";
    static final String[] REMARKS = {"喜欢进口猫粮", "家里有两只狗", "只在周末下单", "对价格敏感，等优惠券", "会员日常客",
            "偏好无谷配方", "经常参加直播秒杀", "在门店由导购服务", "咨询过售后", "推荐过三位朋友", "住在上海浦东", "杭州西湖区",
            "北京朝阳门店", "深圳南山", "成都高新区", "母婴用品也买", "老客户，复购频繁", "新客，首单"};
    static final String[] TAGS = {"高价值", "VIP", "新客", "沉睡", "猫主人", "狗主人", "直播粉", "社群活跃", "复购", "流失风险"};

    @TempDir
    Path dir;

    @Test
    void topTenLatencyOverAMillionCustomers() throws Exception {
        int docs = Integer.getInteger("siyu.bench.docs", 1_000_000);
        long t0 = System.nanoTime();
        StringBuilder report = new StringBuilder();
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("search"))) {
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
            index.refresh();
            long indexMillis = (System.nanoTime() - t0) / 1_000_000;
            report.append(String.format(Locale.ROOT, "indexed %,d customers in %,d ms (%,.0f docs/s); index %,d MB%n",
                    docs, indexMillis, docs * 1000.0 / indexMillis, size(dir.resolve("search")) >> 20));

            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 300; i++) {
                index.search(query(random, i % 5), Set.of(), 10);
            }
            String[] kinds = {"name fragment (2 chars)", "full name", "phone last 4", "remark word", "tag"};
            for (int kind = 0; kind < kinds.length; kind++) {
                long[] nanos = new long[400];
                long hits = 0;
                for (int i = 0; i < nanos.length; i++) {
                    String q = query(random, kind);
                    long start = System.nanoTime();
                    hits += index.search(q, Set.of(), 10).size();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                report.append(String.format(Locale.ROOT, "%-24s median %6.2f ms  p99 %6.2f ms  max %6.2f ms  (avg hits %.1f)%n",
                        kinds[kind], nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                        nanos[nanos.length - 1] / 1e6, hits / (double) nanos.length));
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-search.txt"), report.toString());
    }

    static SearchDocument customer(int i, SplittableRandom r) {
        String name = name(r);
        String phone = "1" + (30 + r.nextInt(60)) + "****" + String.format("%04d", r.nextInt(10_000));
        return new SearchDocument("customer", Integer.toString(i), name, phone + " · " + REMARKS[r.nextInt(REMARKS.length)]
                .substring(0, 2), Map.of("remark", REMARKS[r.nextInt(REMARKS.length)] + "，" + REMARKS[r.nextInt(REMARKS.length)]),
                List.of(phone, TAGS[r.nextInt(TAGS.length)], TAGS[r.nextInt(TAGS.length)]));
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
            case 3 -> new String[] {"猫粮", "直播", "导购", "优惠券", "复购", "浦东"}[r.nextInt(6)];
            default -> TAGS[r.nextInt(TAGS.length)];
        };
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
