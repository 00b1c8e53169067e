package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.siyu.api.security.Role;

/**
 * The host's search index and jobs on a real node: a bundle compiled by the test registers a {@code DocumentSource}
 * for type {@code memo} and puts a document; {@code GET /api/v1/search} finds it by part of a Chinese name and by a
 * phone fragment; a rebuild started through REST is a job that reaches SUCCEEDED; the Jobs view in a real browser
 * shows a rebuild started from the Search index view and its end, pushed live.
 */
class SearchAndJobsTest {

    @TempDir
    static Path home;
    @TempDir
    static Path work;
    static TestHost node;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        node.host.plugins().install("memos.jar", new ByteArrayInputStream(memoBundle()), "test");
        admin = node.token("admin", TestHost.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldFindTheBundlesDocumentsByPartOfANameAndByAPhoneFragment() throws Exception {
        assertTrue(TestHost.await(20_000, () -> search("小明").contains("\"id\":\"m1\"")), search("小明") + " "
                + node.host.search().types() + " " + node.host.jobs().recent(10) + " "
                + node.host.search().search("王小明", java.util.Set.of(), 10, java.util.Locale.CHINA));
        String body = search("小明");
        assertTrue(body.startsWith("{\"hits\":[{\"type\":\"memo\",\"id\":\"m1\",\"title\":\"王小明\",\"detail\":\"上海 · 金卡\",\"score\":"),
                body);
        assertTrue(search("5678").contains("\"id\":\"m1\""), "the masked phone's last four digits");
        assertTrue(search("猫粮").contains("\"id\":\"m2\""), "a remark's words");
        assertEquals("{\"hits\":[]}", get("/api/v1/search?q=" + enc("小明") + "&types=order", admin).body());
        assertTrue(get("/api/v1/search?q=" + enc("王") + "&types=memo,order&limit=1", admin).body()
                .matches("\\{\"hits\":\\[\\{[^\\]]*\\}\\]\\}"), "one hit at most");
    }

    @Test
    void searchErrorsShouldNameTheParameterAndViewersMaySearchButNotSeeJobs() throws Exception {
        HttpResponse<String> missing = get("/api/v1/search", admin);
        assertEquals(400, missing.statusCode());
        assertEquals("{\"error\":\"bad request\",\"detail\":\"query parameter 'q' is required (what to search for)\"}",
                missing.body());
        assertEquals(400, get("/api/v1/search?q=%20%20", admin).statusCode());
        HttpResponse<String> limit = get("/api/v1/search?q=x&limit=101", admin);
        assertEquals(400, limit.statusCode());
        assertTrue(limit.body().contains("'limit'"), limit.body());
        assertEquals(401, node.send(node.request("/api/v1/search?q=x").GET()).statusCode());
        node.host.accounts().create("viewer2", "viewer-password", Role.VIEWER, "test");
        String viewer = node.token("viewer2", "viewer-password");
        assertEquals(200, get("/api/v1/search?q=" + enc("小明"), viewer).statusCode());
        HttpResponse<String> jobs = get("/api/v1/jobs", viewer);
        assertEquals(403, jobs.statusCode());
        assertTrue(jobs.body().contains("operator"), jobs.body());
        assertEquals(404, get("/api/v1/jobs/999999", admin).statusCode());
        assertEquals(400, get("/api/v1/jobs/abc", admin).statusCode());
        HttpResponse<String> noSource = node.send(node.request("/api/v1/search/rebuild/nothing")
                .header("Authorization", "Bearer " + admin).POST(BodyPublishers.noBody()));
        assertEquals(404, noSource.statusCode());
        assertTrue(noSource.body().contains("no document source is registered for type 'nothing'"), noSource.body());
    }

    @Test
    void aRebuildStartedThroughRestShouldBeAJobThatSucceeds() throws Exception {
        long id = startRebuild();
        assertTrue(TestHost.await(30_000, () -> job(id).contains("\"state\":\"SUCCEEDED\"")), job(id));
        String job = job(id);
        assertTrue(job.contains("\"kind\":\"search.rebuild\""), job);
        assertTrue(job.contains("\"actor\":\"admin\""), job);
        assertTrue(job.contains("\"message\":\"2 memo documents indexed, 0 stale removed\""), job);
        assertTrue(job.contains("\"total\":2,\"done\":2"), job);
        assertTrue(get("/api/v1/jobs?limit=5", admin).body().contains("\"id\":" + id + ","));
        HttpResponse<String> cancel = node.send(node.request("/api/v1/jobs/" + id + "/cancel")
                .header("Authorization", "Bearer " + admin).POST(BodyPublishers.noBody()));
        assertEquals(409, cancel.statusCode());
        assertTrue(cancel.body().contains("already ended"), cancel.body());
        assertTrue(search("小明").contains("\"id\":\"m1\""), "still found after the rebuild");
    }

    @Test
    void theJobsViewShouldShowARebuildStartedFromTheSearchIndexViewAndCancelARunningJob() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        try (Browser browser = new Browser()) {
            try {
                browser.open(node.url("/"));
                WebElement form = browser.await("login-form", 15_000);
                browser.query(form, "input[name=username]").sendKeys("admin");
                WebElement pass = browser.query(form, "input[name=password]");
                pass.sendKeys(TestHost.ADMIN_PASSWORD);
                pass.sendKeys(Keys.ENTER);
                browser.await("workbench", 15_000);

                // The node's own jobs first (each search type is rebuilt once as its source arrives): with one of
                // the two job threads held by the slow job below, they would queue, and the memo type's button would
                // then open the running rebuild instead of starting one.
                assertTrue(TestHost.await(60_000, () -> node.host.jobs().active().isEmpty()),
                        "the node's start-up jobs did not end: " + node.host.jobs().active());
                // A job that runs until cancelled: the status bar shows it, pushed by the server.
                long slow = node.host.jobs().start("test.slow", "Slow test job", "admin", p -> {
                    p.total(1_000);
                    int n = 0;
                    while (!p.cancelled()) {
                        p.done(++n);
                        Thread.sleep(20);
                    }
                    return "stopped at " + n;
                }).id();
                WebElement indicator = browser.await("status-jobs", 10_000);
                assertTrue(indicator.getText().contains("1 running"), indicator.getText());

                browser.await("palette-button", 5_000).click();
                browser.await("palette-view-platform.search", 5_000).click();
                browser.await("search-index-view", 5_000);
                browser.await("search-rebuild-memo", 10_000);
                browser.screenshot(Path.of("target", "screenshots", "search-index-view.png"));
                browser.click(browser.byId("search-rebuild-memo"));
                // The rebuild opens the Jobs view; its row appears and reaches SUCCEEDED without a reload.
                browser.await("jobs-view", 10_000);
                long newest = node.host.jobs().recent(5).stream().filter(j -> j.kind().equals("search.rebuild"))
                        .findFirst().orElseThrow(() -> new AssertionError("no rebuild job: "
                                + node.host.jobs().recent(5))).id();
                browser.await("job-" + newest, 10_000);
                String state = Browser.awaitValue(30_000, () -> {
                    WebElement e = browser.byId("job-state-" + newest);
                    return e != null && "SUCCEEDED".equals(e.getDomAttribute("data-state")) ? "SUCCEEDED" : null;
                });
                assertEquals("SUCCEEDED", state, "the job's row did not show its end");
                assertEquals("search.rebuild", node.host.jobs().job(newest).orElseThrow().kind());

                browser.screenshot(Path.of("target", "screenshots", "jobs-view-running.png"));
                browser.click(browser.await("job-cancel-" + slow, 10_000));
                String cancelled = Browser.awaitValue(15_000, () -> {
                    WebElement e = browser.byId("job-state-" + slow);
                    return e != null && "CANCELLED".equals(e.getDomAttribute("data-state")) ? "CANCELLED" : null;
                });
                assertEquals("CANCELLED", cancelled, "the cancelled job's row did not show it");
                browser.awaitGone("status-jobs", 10_000);
                assertTrue(node.host.jobs().job(slow).orElseThrow().message().startsWith("cancelled by admin"));
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "jobs-view.png"));
            }
        }
    }

    private static long startRebuild() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/search/rebuild/memo")
                .header("Authorization", "Bearer " + admin).POST(BodyPublishers.noBody()));
        assertEquals(202, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        assertEquals("/api/v1/jobs/" + m.group(1), r.headers().firstValue("Location").orElseThrow());
        return Long.parseLong(m.group(1));
    }

    private static String job(long id) {
        try {
            return get("/api/v1/jobs/" + id, admin).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String search(String q) {
        try {
            HttpResponse<String> r = get("/api/v1/search?q=" + enc(q), admin);
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    /** Registers a source of two memos and puts the first itself, as a kernel bundle does on every change. */
    private static byte[] memoBundle() throws Exception {
        return TestBundles.build(work,
                Map.of("Bundle-SymbolicName", "org.example.memos", "Bundle-Version", "1.0.0",
                        "Bundle-Activator", "org.example.memos.Activator",
                        "Import-Package", "org.osgi.framework,org.siyu.api.search"),
                Map.of("org/example/memos/Activator.java", """
                        package org.example.memos;
                        import java.util.*;
                        import java.util.function.*;
                        import org.osgi.framework.*;
                        import org.siyu.api.search.*;
                        public class Activator implements BundleActivator {
                            static final List<SearchDocument> MEMOS = List.of(
                                    new SearchDocument("memo", "m1", "王小明", "上海 · 金卡", Map.of("remark", "老客户"),
                                            List.of("138****5678", "VIP")),
                                    new SearchDocument("memo", "m2", "李四", null, Map.of("remark", "喜欢进口猫粮"),
                                            List.of()));
                            public void start(BundleContext context) {
                                context.registerService(DocumentSource.class, new DocumentSource() {
                                    public String type() { return "memo"; }
                                    public long estimate() { return MEMOS.size(); }
                                    public void documents(Consumer<SearchDocument> sink, BooleanSupplier cancel) {
                                        MEMOS.forEach(sink);
                                    }
                                }, null);
                                SearchIndex index = context.getService(context.getServiceReference(SearchIndex.class));
                                index.put(List.of(MEMOS.get(0)));
                            }
                            public void stop(BundleContext context) { }
                        }
                        """),
                Map.of());
    }
}
