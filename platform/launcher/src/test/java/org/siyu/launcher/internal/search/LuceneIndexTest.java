package org.siyu.launcher.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.search.SearchDocument;

class LuceneIndexTest {

    @TempDir
    Path dir;

    private static SearchDocument memo(String title) {
        return new SearchDocument("memo", "m1", title, null, Map.of(), List.of());
    }

    /**
     * Found in the distribution test: a bundle's put took its stamp, stalled while SmartCN loaded its dictionaries,
     * and landed after a rebuild had written the same id; the rebuild's stale-delete then removed the document.
     */
    @Test
    void aPutThatStallsAfterTakingItsStampMustNotBeRemovedByARebuildThatStartedMeanwhile() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("search"))) {
            CountDownLatch stamped = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            index.beforeWrite = d -> {
                if (d.title().equals("live")) {
                    stamped.countDown();
                    await(release);
                }
            };
            Thread live = new Thread(() -> index.put(List.of(memo("live"))));
            live.start();
            assertTrue(stamped.await(10, TimeUnit.SECONDS));
            // The stalled put goes on a little later, whether or not the rebuild waits for it.
            Thread releaser = new Thread(() -> {
                sleep(300);
                release.countDown();
            });
            releaser.start();
            long before = index.writeBarrier();          // the rebuild starts
            index.put(List.of(memo("rebuilt")));          // and writes the same id
            live.join(10_000);
            index.deleteOlder("memo", before);            // and ends
            index.refresh();
            assertEquals(1, index.count("memo"), "the document must survive the rebuild");
            assertEquals("rebuilt", index.search("rebuilt", Set.of(), 10).get(0).title(),
                    "the rebuild wrote after the put, so its version is the current one");
        }
    }

    /**
     * The top ten of a word that most documents hold must not score every match: the count Lucene keeps while it
     * collects shows how many it looked at. Scored by BM25 over the gram field (and over keyword fields without
     * frequencies, whose bound is loose) all 19,200 were; now the first block of 4,096 documents (scored before the
     * threshold is known) and nothing after it.
     */
    @Test
    void theTopHitsOfAWordMostDocumentsHoldShouldNotScoreEveryMatch() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("search"))) {
            List<SearchDocument> docs = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 24_000; i++) {
                String remark = "老客户" + "，复购".repeat(random.nextInt(3)) + "，冻干".repeat(random.nextInt(4));
                docs.add(new SearchDocument("customer", Integer.toString(i), "客户" + i, null, Map.of("remark", remark),
                        i % 5 == 0 ? List.of("新客") : List.of("复购", "猫主人")));
            }
            index.put(docs);
            index.refresh();
            TopDocs top = index.top(index.query("复购", Set.of()), 10);
            assertEquals(10, top.scoreDocs.length);
            assertTrue(top.totalHits.value() < 6_000, top.totalHits + " of 19,200 matches were scored");
            assertEquals(10, index.search("复购", Set.of(), 10).size());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
