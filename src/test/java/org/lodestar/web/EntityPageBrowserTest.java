package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser on the entity pages: Debian's headless chromium, driven through
 * {@code /usr/bin/chromedriver}, opens an entity, follows a neighbour link and checks what the
 * next page shows, and dereferences an entity URI through its 303.
 *
 * <p>CI ({@code CI} set) must have the browser — {@code .ci/run} installs chromium and
 * chromium-driver — so there a missing browser FAILS this test. On a developer's machine without
 * {@code /usr/bin/chromium} and without {@code CI} set, the test is skipped so the rest of the suite
 * still runs; {@code apt-get install chromium chromium-driver} enables it.
 */
class EntityPageBrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    @Test
    void openAnEntityFollowANeighbourAndDereferenceAUri() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!ci)
            Assumptions.assumeTrue(CHROMIUM.canExecute(), "no /usr/bin/chromium and CI is not set: browser test skipped");
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute())
            fail("the browser test needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        FusekiServer server = WebClient.start(store, null);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(profile.resolve("chromium")));
        WebDriver browser = null;
        try {
            browser = new ChromeDriver(service, options);
            String origin = "http://localhost:" + server.getHttpPort();

            browser.get(origin + "/doc/concept/compliance-gap");
            assertEquals("Compliance Gap", browser.findElement(By.tagName("h1")).getText());
            assertTrue(browser.getTitle().contains("Compliance Gap"), browser.getTitle());
            assertTrue(browser.findElement(By.tagName("body")).getText().contains("Difference between how often a model complies"));

            browser.findElement(By.linkText("Situational Awareness")).click();
            waitForHeading(browser, "Situational Awareness");
            assertTrue(browser.getCurrentUrl().contains("/situational-awareness"), browser.getCurrentUrl());
            String shown = browser.findElement(By.tagName("body")).getText();
            assertTrue(shown.contains("Compliance Gap"), "the neighbour's page links back: " + shown);
            assertTrue(shown.contains("The gap appears only when the model can tell the implied training context"), "with the justification");
            Files.write(Path.of(System.getProperty("java.io.tmpdir"), "lodestar-entity-page.png"),
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

            browser.get(origin + "/id/concept/alignment-faking");
            waitForHeading(browser, "Alignment Faking");
            assertTrue(browser.getCurrentUrl().endsWith("/doc/concept/alignment-faking"), "followed the 303: " + browser.getCurrentUrl());
        } finally {
            if (browser != null)
                browser.quit();
            service.stop();
            server.stop();
        }
    }

    /** Waits (20 s at most) until the page's h1 says {@code text}: a click loads the next page asynchronously. */
    private static void waitForHeading(WebDriver browser, String text) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String seen = null;
        while (System.nanoTime() < until) {
            try {
                seen = browser.findElement(By.tagName("h1")).getText();
                if (text.equals(seen))
                    return;
            } catch (org.openqa.selenium.WebDriverException e) {
                seen = e.getClass().getSimpleName();
            }
            Thread.sleep(100);
        }
        fail("expected the heading '" + text + "', saw '" + seen + "' at " + browser.getCurrentUrl());
    }
}
