package org.siyu.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver (no tool downloads a browser). Vaadin components keep parts in
 * shadow roots, so elements are found by id through every shadow root.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String DEEP_FIND = """
            function deep(root, id) {
              const direct = root.getElementById ? root.getElementById(id) : null;
              if (direct) return direct;
              for (const node of root.querySelectorAll('*')) {
                if (node.shadowRoot) { const found = deep(node.shadowRoot, id); if (found) return found; }
              }
              return null;
            }
            return deep(document, arguments[0]);""";

    private static final String DEEP_QUERY = """
            function deep(root, sel) {
              const direct = root.querySelector(sel);
              if (direct) return direct;
              if (root.shadowRoot) { const own = deep(root.shadowRoot, sel); if (own) return own; }
              for (const node of root.querySelectorAll('*')) {
                if (node.shadowRoot) { const found = deep(node.shadowRoot, sel); if (found) return found; }
              }
              return null;
            }
            return deep(arguments[0] || document, arguments[1]);""";

    private static final String DEEP_TEXT = """
            function deep(root, sel, text) {
              for (const node of root.querySelectorAll(sel)) {
                if (node.textContent.trim() === text && node.getClientRects().length > 0) return node;
              }
              for (const node of root.querySelectorAll('*')) {
                if (node.shadowRoot) { const found = deep(node.shadowRoot, sel, text); if (found) return found; }
              }
              return null;
            }
            return deep(document, arguments[0], arguments[1]);""";

    final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    void open(String url) {
        driver.get(url);
    }

    /** The element with {@code id} anywhere in the page, shadow roots included, or null. */
    WebElement byId(String id) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript(DEEP_FIND, id);
    }

    /** The first element matching {@code selector} inside {@code root} (or the page), shadow roots included. */
    WebElement query(WebElement root, String selector) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript(DEEP_QUERY, root, selector);
    }

    /** The first displayed element matching {@code selector} whose text is {@code text}, shadow roots included, or null. */
    WebElement withText(String selector, String text) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript(DEEP_TEXT, selector, text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Scrolls the element into the middle of its scroll container, as a person would, and clicks it. */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        element.click();
    }

    boolean visible(String id) {
        WebElement e = byId(id);
        return e != null && e.isDisplayed();
    }

    /** Waits for the element with {@code id} to be displayed and returns it. */
    WebElement await(String id, long millis) throws InterruptedException {
        WebElement found = awaitValue(millis, () -> {
            WebElement e = byId(id);
            return e != null && e.isDisplayed() ? e : null;
        });
        if (found == null) {
            throw new AssertionError("element #" + id + " did not appear within " + millis + " ms; page: "
                    + driver.getCurrentUrl() + " title: " + driver.getTitle());
        }
        return found;
    }

    void awaitGone(String id, long millis) throws InterruptedException {
        if (awaitValue(millis, () -> visible(id) ? null : Boolean.TRUE) == null) {
            throw new AssertionError("element #" + id + " was still there after " + millis + " ms");
        }
    }

    static <T> T awaitValue(long millis, Supplier<T> probe) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            T value;
            try {
                value = probe.get();
            } catch (RuntimeException e) {
                value = null;   // the page is re-rendering; try again
            }
            if (value != null || System.nanoTime() > end) {
                return value;
            }
            Thread.sleep(50);
        }
    }

    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
