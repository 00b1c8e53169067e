package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The admin as a person uses it, in a real Chromium against a real node: sign in, open a view from the palette
 * and the navigator, install the sample plugin through the Plugins view and see its node appear, uninstall it and
 * see it go — without reloading the page.
 */
class AdminShellBrowserTest {

    private static final String SAMPLE = "org.siyu.samples.notes";

    @TempDir
    static Path home;
    static TestHost node;
    Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (./siyu test installs them)");
        node = TestHost.start(home);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void closeBrowser(TestInfo info) throws Exception {
        if (browser != null) {
            browser.screenshot(Path.of("target", "screenshots", info.getTestMethod().orElseThrow().getName() + ".png"));
            browser.close();
        }
    }

    @Test
    void wrongPasswordShouldKeepTheUserOnTheLoginPage() throws Exception {
        browser = new Browser();
        browser.open(node.url("/"));
        signIn("admin", "not-the-password");
        Thread.sleep(1_000);
        assertNull(browser.byId("workbench"), "a wrong password must not open the workbench");
        assertTrue(browser.driver.getCurrentUrl().contains("login"), browser.driver.getCurrentUrl());
    }

    @Test
    void shouldInstallAPluginThroughThePluginsViewAndSeeItsNodeComeAndGo() throws Exception {
        browser = new Browser();
        browser.open(node.url("/"));
        browser.await("login-form", 15_000);
        assertTrue(browser.driver.getCurrentUrl().contains("/login"), "not signed in: expected the login page, got "
                + browser.driver.getCurrentUrl());
        signIn("admin", TestHost.ADMIN_PASSWORD);
        browser.await("workbench", 15_000);
        assertNull(browser.byId("nav-notes.list"), "the sample is not installed yet");
        // The Lumo theme is applied (its stylesheet is served from the theme's jar): Lumo defines --lumo-primary-color.
        assertTrue(!String.valueOf(browser.script(
                "return getComputedStyle(document.documentElement).getPropertyValue('--lumo-primary-color');")).isBlank(),
                "the Lumo theme is not applied");

        // Open the Plugins view from the command palette.
        browser.await("palette-button", 5_000).click();
        browser.await("palette-view-platform.plugins", 5_000).click();
        browser.await("plugins-view", 5_000);

        // Upload the sample jar through the Upload component's file input.
        WebElement upload = browser.await("plugin-upload", 5_000);
        WebElement input = browser.query(upload, "input[type=file]");
        assertTrue(input != null, "the upload has no file input");
        input.sendKeys(TestHost.sampleJar().toAbsolutePath().toString());
        WebElement result = browser.await("plugin-result", 20_000);
        Browser.awaitValue(20_000, () -> "success".equals(result.getDomAttribute("data-outcome")) ? true : null);
        assertEquals("success", browser.byId("plugin-result").getDomAttribute("data-outcome"), browser.byId("plugin-result").getText());

        // Its navigator node appears in this open session, pushed by the server.
        WebElement notesNode = browser.await("nav-notes.list", 20_000);
        notesNode.click();
        browser.await("notes-list", 10_000);
        browser.await("tab-view:notes.list", 5_000);

        // Uninstall from the Plugins view: the node and the plugin's tab go.
        browser.await("tab-view:platform.plugins", 5_000).click();
        // The grid renders only the rows in view: scroll to the last one, as a person would.
        browser.script("arguments[0].scrollToIndex(1000);", browser.await("plugin-grid", 5_000));
        browser.click(browser.await("uninstall-" + SAMPLE, 10_000));
        browser.await("confirm-uninstall-ok", 5_000).click();
        browser.awaitGone("nav-notes.list", 15_000);
        browser.awaitGone("tab-view:notes.list", 5_000);
        assertTrue(sampleIsUninstalled(), "the bundle is still installed");
    }

    @Test
    void ctrlKShouldOpenTheCommandPalette() throws Exception {
        browser = new Browser();
        browser.open(node.url("/"));
        signIn("admin", TestHost.ADMIN_PASSWORD);
        browser.await("workbench", 15_000);
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        browser.await("command-palette", 5_000);
        browser.await("palette-view-platform.audit", 5_000).click();
        browser.await("audit-view", 5_000);
    }

    private void signIn(String user, String password) throws InterruptedException {
        WebElement form = browser.await("login-form", 15_000);
        WebElement username = browser.query(form, "input[name=username]");
        WebElement pass = browser.query(form, "input[name=password]");
        assertTrue(username != null && pass != null, "the login form has no username/password inputs");
        username.sendKeys(user);
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
    }

    private static boolean sampleIsUninstalled() {
        for (var b : node.host.bundleContext().getBundles()) {
            if (SAMPLE.equals(b.getSymbolicName())) {
                return false;
            }
        }
        return true;
    }
}
