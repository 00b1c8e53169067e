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
 * shop's customer before the third visitor's claim makes it poison, and a guest who gave it with a Tmall account of
 * their own was linked to the shop without a merge; the operator runs the check from the view, sees both merges listed
 * newest first, undoes the newest after the confirmation, splits the guest off to a customer of their own, and REST
 * agrees.
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
        assertEquals(shop, resolve("\"phone:13900000000\",\"tmall:guest\""));
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
            page.awaitText("graph-check-summary", s -> s.contains("1 undone, 0 split and 0 joined here since"));
            assertEquals(0, rest.ok(rest.get("/api/v1/customers/" + visitor[2])).get("mergedInto").asInt(),
                    "the visitor is its own customer again");

            // the guest linked through the shop's phone: listed as a split to a new customer
            page.awaitText("graph-check-summary", s -> s.contains("1 identities linked through such keys, in 1 split"));
            page.awaitRow("graph-check-splits", r -> r.contains("a new customer") && r.contains(String.valueOf(shop))
                    && r.contains("phone:+86139****0000"));
            page.click("graph-check-split-0");
            WebElement split = Browser.awaitValue(10_000, () -> {
                WebElement b = page.browser.query(null, "vaadin-button[slot='confirm-button']");
                return b != null && b.isDisplayed() && b.getText().equals("Split off") ? b : null;
            });
            assertNotNull(split, "the split confirmation did not open");
            split.click();
            Integer guest = Browser.awaitValue(10_000, () -> {
                try {
                    int customer = rest.ok(rest.get("/api/v1/identities/tmall:guest")).get("customerId").asInt();
                    return customer != shop ? customer : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertNotNull(guest, "the guest was not split off");
            page.awaitNotification(n -> n.equals("Split off to customer " + guest));
            page.awaitText("graph-check-summary", s -> s.contains("1 undone, 1 split and 0 joined here since"));
            assertEquals(shop, rest.ok(rest.get("/api/v1/identities/phone:13900000000")).get("customerId").asInt());
        } finally {
            page.browser.screenshot(Path.of("target", "screenshots", "graph-check-view.png"));
            page.browser.close();
        }
    }
}
