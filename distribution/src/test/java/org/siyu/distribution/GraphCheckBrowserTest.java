package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Customers › Identity graph check in a real Chromium on a real node: a shop's phone merges two visitors into the
 * shop's customer before the third visitor's claim makes it poison; the operator runs the check from the view, sees
 * both merges listed newest first, undoes the newest after the confirmation, and REST agrees.
 */
class GraphCheckBrowserTest {

    @TempDir
    static Path home;
    static TestHost node;
    static AdminPage rest;
    static int shop;
    static int[] visitor = new int[4];

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
        rest = new AdminPage(null, node, node.token("admin", TestHost.ADMIN_PASSWORD));
        // kernel-identity registers its resources once its unit is migrated, after the node answers
        rest.awaitUp("kernel-identity's REST resources", "/api/v1/identities/graph-check");
        shop = resolve("\"phone:13900000000\",\"wecom:shop\"");
        for (int i = 1; i <= 3; i++) {
            visitor[i] = resolve("\"wecom:visitor" + i + "\"");
            resolve("\"wecom:visitor" + i + "\",\"phone:13900000000\"");
        }
    }

    private static int resolve(String identities) throws Exception {
        return rest.ok(rest.post("/api/v1/identities/resolve", "{\"identities\":[" + identities + "]}"))
                .get("customerId").asInt();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anOperatorShouldRunTheCheckAndUndoAMergeItLists() throws Exception {
        AdminPage page = new AdminPage(new Browser(), node, rest.token);
        try {
            page.signIn("identity.graph-check", "graph-check-view");
            page.awaitText("graph-check-status", s -> s.equals("No check since the node started."));
            page.click("graph-check-run");
            // the job ends and the view shows its result without a reload (pushed)
            page.awaitText("graph-check-summary",
                    s -> s.startsWith("2 merges through keys that are poison now, in 1 customer\n"));
            page.awaitText("graph-check-status", s -> s.startsWith("Last check: "));
            JsonNode suspects = rest.ok(rest.get("/api/v1/identities/graph-check")).get("last").get("suspects");
            assertEquals(visitor[2], suspects.get(0).get("merged").asInt(), "newest first: " + suspects);
            long newest = suspects.get(0).get("mergeId").asLong();
            page.awaitRow("graph-check-suspects", r -> r.contains(visitor[2] + " → " + shop)
                    && r.contains("phone:+86139****0000"));

            page.click("graph-check-undo-" + newest);
            WebElement confirm = Browser.awaitValue(10_000, () -> {
                WebElement b = page.browser.query(null, "vaadin-button[slot='confirm-button']");
                return b != null && b.isDisplayed() ? b : null;
            });
            assertNotNull(confirm, "the undo confirmation did not open");
            assertEquals("Undo merge", confirm.getText());
            confirm.click();
            page.awaitNotification(n -> n.equals("Merge " + newest + " undone"));
            page.awaitText("graph-check-summary", s -> s.contains("1 undone here since"));
            assertEquals(0, rest.ok(rest.get("/api/v1/customers/" + visitor[2])).get("mergedInto").asInt(),
                    "the visitor is its own customer again");
        } finally {
            page.browser.screenshot(Path.of("target", "screenshots", "graph-check-view.png"));
            page.browser.close();
        }
    }
}
