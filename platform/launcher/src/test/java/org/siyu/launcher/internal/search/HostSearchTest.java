package org.siyu.launcher.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchFilter;
import org.siyu.api.search.SearchHit;
import org.siyu.launcher.internal.jobs.HostJobs;
import org.siyu.launcher.internal.persistence.Database;

/** The host's index on a real folder, with real jobs on H2. */
class HostSearchTest {

    @TempDir
    Path home;
    Database db;
    HostJobs jobs;
    HostSearch search;

    @BeforeEach
    void open() throws Exception {
        db = Database.open("jdbc:h2:mem:search" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", home);
        jobs = new HostJobs(db.dataSource(), null, null);
        // An index that exists already: a new one would rebuild every source as it registers (tested on its own).
        openSearch().close();
        search = openSearch();
    }

    private HostSearch openSearch() {
        HostSearch s = new HostSearch(home.resolve("search"), jobs);
        s.openInBackground();
        return s;
    }

    @AfterEach
    void close() {
        if (search != null) {
            search.close();
        }
        jobs.close();
        db.close();
    }

    static SearchDocument customer(String id, String name, String detail, Map<String, String> text, String... keywords) {
        return new SearchDocument("customer", id, name, detail, text, List.of(keywords));
    }

    private List<String> ids(String query) {
        return ids(query, Set.of());
    }

    private List<String> ids(String query, Set<String> types) {
        search.refresh();
        return search.search(query, types, 10, Locale.CHINA).stream().map(h -> h.type() + ":" + h.id()).toList();
    }

    private JobInfo awaitEnd(long id) throws InterruptedException {
        assertTrue(await(() -> jobs.job(id).orElseThrow().state().ended()), "job " + id + " did not end");
        return jobs.job(id).orElseThrow();
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void partOfAChineseNameShouldFindIt() {
        search.put(List.of(
                customer("1", "王小明", "上海 · 金卡会员", Map.of()),
                customer("2", "李明", "北京", Map.of()),
                customer("3", "王芳", "杭州", Map.of()),
                customer("4", "欧阳小明", "深圳", Map.of())));
        assertEquals(List.of("customer:1", "customer:4"), sorted(ids("小明")));
        assertEquals(List.of("customer:1"), ids("王小"));
        assertEquals("customer:1", ids("王小明").get(0), "the whole name first");
        assertEquals(List.of("customer:1"), ids("王小明"));
        assertEquals(List.of("customer:4"), ids("欧阳"));
        assertEquals(List.of("customer:1", "customer:3"), sorted(ids("王")), "one character finds every name with it");
        assertEquals(List.of(), ids("张三"));
        assertEquals(List.of("customer:1"), ids("金卡"), "the detail is searched too");
    }

    @Test
    void keywordsTagsAndMaskedPhoneFragmentsShouldFindTheirDocument() {
        search.put(List.of(
                customer("1", "王小明", null, Map.of(), "138****5678", "高价值", "VIP"),
                customer("2", "李四", null, Map.of(), "139****1234", "新客"),
                customer("3", "赵五", null, Map.of(), "SN-2026-0042")));
        assertEquals(List.of("customer:1"), ids("5678"));
        assertEquals(List.of("customer:1"), ids("138****5678"));
        assertEquals(List.of("customer:1"), ids("高价值"));
        assertEquals(List.of("customer:1"), ids("vip"), "keywords ignore case");
        assertEquals(List.of("customer:2"), ids("新客"));
        assertEquals(List.of("customer:2"), ids("１２３４"), "full-width digits are digits");
        assertEquals(List.of("customer:3"), ids("SN-2026"), "a keyword matches by its start");
    }

    @Test
    void remarksShouldBeFoundByTheirWords() {
        search.put(List.of(
                customer("1", "王小明", null, Map.of("remark", "家里有两只猫，喜欢进口猫粮")),
                customer("2", "李四", null, Map.of("remark", "养狗，每月买狗粮")),
                new SearchDocument("order", "o-1", "订单 o-1", "猫粮 2 袋", Map.of(), List.of())));
        assertEquals(List.of("customer:1", "order:o-1"), sorted(ids("猫粮")));
        assertEquals(List.of("customer:1"), ids("猫粮", Set.of("customer")), "only the asked types");
        assertEquals(List.of("customer:2"), ids("狗粮"));
        assertEquals(List.of(), ids("猫粮", Set.of("product")));
    }

    @Test
    void latinWordsShouldMatchAsTheUserTypes() {
        search.put(List.of(customer("1", "Zhang Wei", "Shanghai", Map.of("nickname", "catlover")),
                customer("2", "Wang Fang", "Beijing", Map.of())));
        assertEquals(List.of("customer:1"), ids("zha"));
        assertEquals(List.of("customer:1"), ids("Zhang Wei"));
        assertEquals(List.of("customer:1"), ids("catlov"));
        assertEquals(List.of("customer:2"), ids("beijing"));
    }

    @Test
    void putShouldReplaceAndDeleteShouldRemove() {
        search.put(List.of(customer("1", "王小明", "old", Map.of())));
        assertEquals(List.of("customer:1"), ids("王小明"));
        search.put(List.of(customer("1", "王大明", "new", Map.of())));
        assertEquals(List.of(), ids("王小明"), "the old version is gone");
        search.refresh();
        List<SearchHit> hits = search.search("王大明", Set.of(), 10, Locale.CHINA);
        assertEquals(1, hits.size());
        assertEquals("new", hits.get(0).detail());
        assertEquals("王大明", hits.get(0).title());
        assertTrue(hits.get(0).score() > 0);
        assertEquals(1, search.count("customer"));
        search.put(List.of(new SearchDocument("order", "1", "王大明的订单", null, null, null)));
        search.delete("customer", List.of("1", "does-not-exist"));
        search.refresh();
        assertEquals(0, search.count("customer"));
        assertEquals(List.of("order:1"), ids("王大明"), "the same id of another type stays");
    }

    @Test
    void bestHitsShouldComeFirstAndLimitShouldHold() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(customer("r" + i, "客户" + i, null, Map.of("remark", "提到了张伟")));
        }
        docs.add(customer("exact", "张伟", null, Map.of()));
        docs.add(customer("longer", "张伟强", null, Map.of()));
        search.put(docs);
        search.refresh();
        List<SearchHit> hits = search.search("张伟", Set.of(), 5, Locale.CHINA);
        assertEquals(5, hits.size());
        assertEquals("exact", hits.get(0).id());
        assertEquals("longer", hits.get(1).id(), "a title containing the query before a remark that does");
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void anExactTitleShouldComeFirstThenTitlesAndKeywordsThenRemarks() {
        search.put(List.of(customer("remark", "客户甲", null, Map.of("remark", "两只布偶猫，挑食")),
                customer("tag", "客户乙", null, Map.of(), "布偶猫"),
                customer("title", "布偶猫舍", null, Map.of()),
                customer("exact", "布偶猫", null, Map.of())));
        search.refresh();
        List<SearchHit> hits = search.search("布偶猫", Set.of(), 10, Locale.CHINA);
        List<String> ids = hits.stream().map(SearchHit::id).toList();
        assertEquals(4, ids.size(), hits.toString());
        assertEquals("exact", ids.get(0), hits.toString());
        assertEquals(Set.of("title", "tag"), Set.copyOf(ids.subList(1, 3)), hits.toString());
        assertEquals("remark", ids.get(3), hits.toString());
        SearchHit tag = hits.get(ids.indexOf("tag"));
        assertEquals(SearchQueries.EXACT_KEYWORD + SearchQueries.KEYWORD_PREFIX + SearchQueries.ANYWHERE, tag.score(),
                1e-6, "an exact keyword adds fixed amounts, however many documents have it");
    }

    @Test
    void documentsThatMatchACommonWordTheSameWayShouldTie() {
        // BM25 ranked the shorter remark first; that ordering is noise for customer records, and ties are what let the
        // top hits of a word in 100,000 customers be found without scoring all of them.
        search.put(List.of(customer("short", "客户甲", null, Map.of("remark", "复购")),
                customer("long", "客户乙", null, Map.of("remark", "老客户，每个月都会复购，喜欢进口猫粮和冻干")),
                customer("twice", "客户丙", null, Map.of("remark", "复购", "note", "又复购了"))));
        search.refresh();
        List<SearchHit> hits = search.search("复购", Set.of(), 10, Locale.CHINA);
        assertEquals(3, hits.size());
        assertEquals(SearchQueries.ANYWHERE, hits.get(0).score(), 1e-6, hits.toString());
        assertTrue(hits.stream().allMatch(h -> h.score() == hits.get(0).score()), hits.toString());
    }

    @Test
    void aBlankQueryOrLimitShouldBeRefused() {
        assertThrows(IllegalArgumentException.class, () -> search.search("  ", Set.of(), 10, Locale.CHINA));
        assertThrows(IllegalArgumentException.class, () -> search.search(null, Set.of(), 10, Locale.CHINA));
        assertThrows(IllegalArgumentException.class, () -> search.search("x", Set.of(), 0, Locale.CHINA));
        assertEquals(List.of(), search.search("，。！", Set.of(), 10, Locale.CHINA), "punctuation finds nothing");
        assertThrows(IllegalArgumentException.class,
                () -> search.put(List.of(new SearchDocument(" ", "1", "t", null, null, null))));
    }

    @Test
    void rebuildShouldReplaceTheTypesDocumentsAndRemoveStaleOnesKeepingOldOnesSearchableMeanwhile() throws Exception {
        search.put(List.of(customer("1", "旧名一", null, Map.of()), customer("2", "旧名二", null, Map.of()),
                customer("3", "已删除的客户", null, Map.of()),
                new SearchDocument("order", "9", "订单九", null, null, null)));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        search.addSource(1, "test.bundle", source("customer", 2, (sink, cancel) -> {
            sink.accept(customer("1", "新名一", null, Map.of()));
            halfway.countDown();
            await(goOn);
            sink.accept(customer("2", "新名二", null, Map.of()));
        }));
        long id = search.rebuild("customer", "alice");
        assertEquals(id, search.rebuild("customer", "bob"), "a second request joins the running rebuild");
        assertTrue(halfway.await(10, TimeUnit.SECONDS));
        // Mid-rebuild: documents not yet rewritten are still found; a live write is kept at the end.
        assertEquals(List.of("customer:3"), ids("已删除"));
        assertEquals(List.of("customer:2"), ids("旧名二"));
        assertEquals(id, search.types().stream().filter(t -> t.type().equals("customer")).findFirst().orElseThrow()
                .rebuildJob());
        search.put(List.of(customer("4", "重建时新来的", null, Map.of())));
        goOn.countDown();
        JobInfo ended = awaitEnd(id);
        assertEquals(State.SUCCEEDED, ended.state(), ended.message());
        assertEquals("2 customer documents indexed, 1 stale removed", ended.message());
        assertEquals(2, ended.total());
        assertEquals(2, ended.done());
        assertEquals("alice", ended.actor());
        assertEquals(List.of(), ids("已删除"));
        assertEquals(List.of(), ids("旧名"));
        assertEquals(List.of("customer:1", "customer:2"), sorted(ids("新名")));
        assertEquals(List.of("customer:4"), ids("重建时"));
        assertEquals(List.of("order:9"), ids("订单九"), "other types are untouched");
        assertEquals(3, search.count("customer"));
        assertEquals(0, search.types().get(0).rebuildJob());
    }

    @Test
    void searchFiltersShouldHideHitsFromUsersWhoMayNotSeeThemAndFailClosed() {
        List<SearchDocument> docs = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            docs.add(customer(Integer.toString(i), "王客户" + i, null, Map.of()));
        }
        docs.add(new SearchDocument("order", "o1", "王客户的订单", null, null, null));
        search.put(docs);
        search.refresh();
        // A store manager sees only even ids; everyone else sees all.
        org.siyu.api.search.SearchFilter evenForManager = new org.siyu.api.search.SearchFilter() {
            public String type() {
                return "customer";
            }

            public boolean visible(String id, String username) {
                return !username.equals("manager") || Integer.parseInt(id) % 2 == 0;
            }
        };
        search.addFilter(evenForManager);
        List<org.siyu.api.search.SearchHit> managers = search.searchAs("manager", "王客户", Set.of(), 10, Locale.CHINA);
        assertEquals(10, managers.size(), "the limit is filled from further hits");
        assertTrue(managers.stream().allMatch(h -> h.type().equals("order") || Integer.parseInt(h.id()) % 2 == 0),
                managers.toString());
        assertEquals(10, search.searchAs("admin", "王客户", Set.of(), 10, Locale.CHINA).size());
        assertTrue(search.visible("order", "o1", "manager"), "types without a filter are not filtered");
        assertEquals(false, search.visible("customer", "3", "manager"));

        search.addFilter(new org.siyu.api.search.SearchFilter() {
            public String type() {
                return "customer";
            }

            public boolean visible(String id, String username) {
                throw new IllegalStateException("org data not loaded");
            }
        });
        assertEquals(false, search.visible("customer", "2", "admin"), "a filter that throws hides the hit");
        assertTrue(search.searchAs("admin", "王客户", Set.of("customer"), 10, Locale.CHINA).isEmpty());
    }

    @Test
    void aFilterThatHidesMostHitsShouldStillFillTheLimitFromFurtherHits() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            docs.add(customer(Integer.toString(i), "客户" + i, null, Map.of("remark", "喜欢布偶猫")));
        }
        search.put(docs);
        search.refresh();
        // One customer in twenty is in the manager's store: the best forty hits (what was read before) hold two.
        search.addFilter(filter("customer", (id, user) -> !user.equals("manager") || Integer.parseInt(id) % 20 == 0));
        List<SearchHit> hits = search.searchAs("manager", "布偶猫", Set.of(), 10, Locale.CHINA);
        assertEquals(10, hits.size(), hits.toString());
        assertTrue(hits.stream().allMatch(h -> Integer.parseInt(h.id()) % 20 == 0), hits.toString());
        assertEquals(20, search.searchAs("manager", "布偶猫", Set.of(), 50, Locale.CHINA).size(), "all there are");
    }

    @Test
    void searchAsShouldLookAtNoMoreThanAThousandHits() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            docs.add(customer(Integer.toString(i), "客户" + i, null, Map.of("remark", "挑食")));
        }
        search.put(docs);
        search.refresh();
        AtomicInteger asked = new AtomicInteger();
        search.addFilter(filter("customer", (id, user) -> {
            asked.incrementAndGet();
            return false;
        }));
        assertEquals(List.of(), search.searchAs("manager", "挑食", Set.of(), 10, Locale.CHINA));
        assertEquals(HostSearch.MAX_LIMIT, asked.get(), "hits looked at");
    }

    private static SearchFilter filter(String type, BiPredicate<String, String> visible) {
        return new SearchFilter() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public boolean visible(String id, String username) {
                return visible.test(id, username);
            }
        };
    }

    @Test
    void aSourceWithDocumentsTheIndexLacksShouldBeRebuiltOnceWhenItRegisters() throws Exception {
        search.addSource(1, "kernel.identity", source("customer", 1,
                (sink, cancel) -> sink.accept(customer("7", "已有的客户", null, Map.of()))));
        assertTrue(await(() -> !jobs.recent(10).isEmpty() && jobs.recent(1).get(0).state() == State.SUCCEEDED),
                "no rebuild for a source whose documents the index lacks: " + jobs.recent(10));
        assertEquals(List.of("customer:7"), ids("已有的客户"));
    }

    @Test
    void aCancelledRebuildShouldKeepTheOldDocuments() throws Exception {
        search.put(List.of(customer("1", "旧名一", null, Map.of()), customer("2", "旧名二", null, Map.of())));
        CountDownLatch started = new CountDownLatch(1);
        search.addSource(1, "test.bundle", source("customer", -1, (sink, cancel) -> {
            sink.accept(customer("1", "新名一", null, Map.of()));
            started.countDown();
            while (!cancel.getAsBoolean()) {
                Thread.onSpinWait();
            }
        }));
        long id = search.rebuild("customer", "alice");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        jobs.cancel(id, "alice");
        JobInfo ended = awaitEnd(id);
        assertEquals(State.CANCELLED, ended.state());
        assertEquals(List.of("customer:2"), ids("旧名"), "not rewritten yet, so kept");
        assertEquals(List.of("customer:1"), ids("新名一"));
    }

    @Test
    void aRebuildNeedsASourceAndASourceMustKeepToItsType() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search.rebuild("nothing", "a"));
        assertEquals("no document source is registered for type 'nothing'", e.getMessage());
        assertTrue(search.addSource(1, "test.bundle", source("customer", 1,
                (sink, cancel) -> sink.accept(new SearchDocument("order", "1", "x", null, null, null)))));
        assertEquals(false, search.addSource(2, "other.bundle", source("customer", 0, (sink, cancel) -> { })),
                "the first source of a type keeps it");
        JobInfo ended = awaitEnd(search.rebuild("customer", "a"));
        assertEquals(State.FAILED, ended.state());
        assertTrue(ended.message().contains("produced a document of type 'order'"), ended.message());
        search.removeSource(1);
        assertThrows(IllegalArgumentException.class, () -> search.rebuild("customer", "a"));
    }

    @Test
    void anUnreadableIndexShouldBeMovedAsideAndRebuiltFromEverySource() throws Exception {
        search.put(List.of(customer("1", "王小明", null, Map.of()), customer("2", "李四", null, Map.of())));
        search.close();
        search = null;
        try (Stream<Path> files = Files.list(home.resolve("search"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, "not a lucene file".getBytes());
            }
        }
        search = new HostSearch(home.resolve("search"), jobs);
        AtomicBoolean asked = new AtomicBoolean();
        search.addSource(1, "kernel.identity", source("customer", 2, (sink, cancel) -> {
            asked.set(true);
            sink.accept(customer("1", "王小明", null, Map.of()));
            sink.accept(customer("2", "李四", null, Map.of()));
        }));
        search.openInBackground();
        assertEquals(List.of(), search.search("王小明", Set.of(), 10, Locale.CHINA), "waits for the open; empty at first");
        assertTrue(await(() -> asked.get() && jobs.active().isEmpty()), "the source was rebuilt");
        assertEquals(List.of("customer:1"), ids("小明"));
        assertEquals(2, search.count("customer"));
        assertEquals("READY", search.status().state());
        assertNotNull(search.status().message());
        assertTrue(search.status().message().contains("moved to"), search.status().message());
        try (Stream<Path> siblings = Files.list(home)) {
            assertEquals(1, siblings.filter(p -> p.getFileName().toString().startsWith("search.corrupt-")).count());
        }
        JobInfo rebuild = jobs.recent(1).get(0);
        assertEquals("system", rebuild.actor());
        assertEquals(HostSearch.REBUILD_KIND, rebuild.kind());
        assertEquals(State.SUCCEEDED, rebuild.state());
    }

    @Test
    void aNewIndexShouldBuildEverySourceOnce() throws Exception {
        search.close();
        search = null;
        try (Stream<Path> files = Files.list(home.resolve("search"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        search = openSearch();
        assertEquals(0, search.count("customer"));
        search.addSource(1, "kernel.identity", source("customer", 1,
                (sink, cancel) -> sink.accept(customer("1", "王小明", null, Map.of()))));
        assertTrue(await(() -> search.count("customer") == 1 && jobs.active().isEmpty()), "built as it registered");
        assertEquals(1, jobs.recent(10).size());
        search.removeSource(1);
        search.addSource(2, "kernel.identity", source("customer", 1, (sink, cancel) -> { }));
        assertEquals(1, jobs.recent(10).size(), "once per run");
    }

    @Test
    void writesShouldSurviveAReopen() throws Exception {
        search.put(List.of(customer("1", "王小明", null, Map.of())));
        search.close();
        search = openSearch();
        assertEquals(List.of("customer:1"), ids("小明"));
        assertEquals("READY", search.status().state());
        assertEquals(null, search.status().message());
    }

    @Test
    void concurrentPutsAndSearchesShouldNotInterfere() throws Exception {
        int writers = 4;
        int perWriter = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        search.put(List.of(customer(writer + "-" + i, "并发客户" + writer + "号" + i, null,
                                Map.of("remark", "批次" + writer), "tag" + writer)));
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int searches = 0;
                    while (writing.get()) {
                        List<SearchHit> hits = search.search("并发客户", Set.of(), 10, Locale.CHINA);
                        assertTrue(hits.size() <= 10);
                        searches++;
                    }
                    return searches;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> f : readers) {
                assertTrue(f.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
        search.refresh();
        assertEquals(writers * perWriter, search.count("customer"));
        assertEquals(perWriter, search.search("tag2", Set.of(), 1000, Locale.CHINA).size());
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Producer {
        void produce(Consumer<SearchDocument> sink, BooleanSupplier cancel);
    }

    static DocumentSource source(String type, long estimate, Producer producer) {
        return new DocumentSource() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public long estimate() {
                return estimate;
            }

            @Override
            public void documents(Consumer<SearchDocument> sink, BooleanSupplier cancel) {
                producer.produce(sink, cancel);
            }
        };
    }
}
