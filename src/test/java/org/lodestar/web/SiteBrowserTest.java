package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site in a real browser (Debian's headless chromium, as {@link EntityPageBrowserTest}): the
 * home page, the header's search box with its suggestions, the search page with a typo, the
 * neighbourhood picture and its links, and the query editor running a query whose result link opens
 * an entity page. Each page is photographed into {@code lodestar.screenshots} (the build folder's
 * {@code screenshots/}) to be looked at.
 */
class SiteBrowserTest {
    @TempDir
    Path profile;

    @Test
    void homeSearchPictureAndQueryEditor() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!ci)
            Assumptions.assumeTrue(EntityPageBrowserTest.CHROMIUM.canExecute(), "no /usr/bin/chromium and CI is not set: browser test skipped");
        if (!EntityPageBrowserTest.CHROMIUM.canExecute() || !EntityPageBrowserTest.CHROMEDRIVER.canExecute())
            fail("the browser test needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Path shots = Files.createDirectories(Path.of(System.getProperty("lodestar.screenshots",
                profile.resolve("screenshots").toString())));
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        FusekiServer server = WebClient.start(store, null);
        WebClient web = new WebClient(server);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(EntityPageBrowserTest.CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(EntityPageBrowserTest.CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--hide-scrollbars",
                "--user-data-dir=" + Files.createDirectories(profile.resolve("chromium")));
        ChromeDriver browser = null;
        try {
            browser = new ChromeDriver(service, options);
            String origin = web.origin();

            // the home page: counts per class, the most connected, recent changes, the ways in
            browser.get(origin + "/");
            assertEquals("Lodestar", browser.findElement(By.tagName("h1")).getText());
            String home = browser.findElement(By.tagName("main")).getText();
            assertTrue(home.contains("15\nConcepts") || home.contains("15 Concepts"), home);
            assertTrue(browser.findElement(By.id("hubs")).isDisplayed());
            assertFalse(browser.findElements(By.cssSelector("#recent-changes li")).isEmpty(), "recent changes listed");
            for (String path : List.of("/query", "/ontology", "/.well-known/void", "/dump/lodestar.nt.gz", "/kg/sparql"))
                assertFalse(browser.findElements(By.cssSelector("main a[href='" + path + "']")).isEmpty(), "links to " + path);
            assertEquals(1, browser.findElements(By.cssSelector("header input#site-q")).size(), "the header's search box");
            shot(browser, shots, "home");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            shot(browser, shots, "home-phone");
            browser.manage().window().setSize(new Dimension(1280, 1000));

            // the header's search box suggests labels as one types; arrow down and Enter open the first
            browser.get(origin + "/ontology");
            WebElement box = browser.findElement(By.id("site-q"));
            box.sendKeys("complian");
            ChromeDriver b = browser;
            waitFor(browser, "suggestions", () -> !b.findElements(By.cssSelector("#site-q-suggestions li")).isEmpty());
            assertTrue(browser.findElement(By.id("site-q-suggestions")).getText().contains("Compliance Gap"),
                    browser.findElement(By.id("site-q-suggestions")).getText());
            assertEquals("true", box.getAttribute("aria-expanded"));
            shot(browser, shots, "autocomplete");
            box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
            waitFor(browser, "the suggested entity's page", () -> b.getCurrentUrl().endsWith("/doc/concept/compliance-gap"));
            waitForHeading(browser, "Compliance Gap");

            // the search page, once the index is made: a typo still finds the label, a class filter keeps to it
            waitFor(browser, "the search index", () -> {
                try {
                    return "index".equals(WebClient.header(web.get("/search?q=x", "Accept", "application/json"), "X-Search"));
                } catch (Exception e) {
                    return false;
                }
            });
            browser.get(origin + "/search?q=alignmnt+fakng");
            List<WebElement> hits = browser.findElements(By.cssSelector("#results li a"));
            assertFalse(hits.isEmpty(), browser.findElement(By.tagName("main")).getText());
            assertEquals("Alignment Faking", hits.get(0).getText());
            shot(browser, shots, "search");
            browser.get(origin + "/search?q=alignment&class=paper");
            for (WebElement a : browser.findElements(By.cssSelector("#results li a")))
                assertTrue(a.getAttribute("href").contains("/doc/paper/"), a.getAttribute("href"));

            // the picture: an SVG drawn by the server, every node a link to an entity page
            browser.get(origin + "/doc/concept/alignment-faking");
            List<WebElement> nodes = browser.findElements(By.cssSelector("figure.neighbourhood svg a.node"));
            assertTrue(nodes.size() >= 10, "nodes: " + nodes.size());
            for (WebElement n : nodes)
                assertTrue(n.getDomAttribute("href").startsWith("/doc/"), n.getDomAttribute("href"));
            assertFalse(browser.findElements(By.cssSelector("figure.neighbourhood svg text.edge-key")).isEmpty(), "edge keys");
            List<WebElement> crumbs = browser.findElements(By.cssSelector("nav.crumbs a"));
            assertEquals(List.of("Home", "Concepts"), crumbs.stream().map(WebElement::getText).toList());
            shot(browser, shots, "entity");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            shot(browser, shots, "entity-phone");
            browser.manage().window().setSize(new Dimension(1280, 1000));
            nodes = browser.findElements(By.cssSelector("figure.neighbourhood svg a.node"));
            String target = origin + nodes.get(0).getDomAttribute("href");
            ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", nodes.get(0));
            waitFor(browser, "the node's page", () -> b.getCurrentUrl().equals(target));
            browser.get(origin + "/view/concept/alignment-faking");
            assertTrue(browser.findElements(By.cssSelector("figure.neighbourhood svg a.node")).size() >= 10, "the view's picture");
            shot(browser, shots, "view");

            // the query editor: run the first example, open an entity from its results
            browser.get(origin + "/query");
            waitFor(browser, "YASGUI", () -> !b.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector(".tabsList")).getText().contains("Hubs by degree"),
                    browser.findElement(By.cssSelector(".tabsList")).getText());
            browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
            waitFor(browser, "results", () -> !b.findElements(By.cssSelector(".yasr table a.iri")).isEmpty());
            shot(browser, shots, "query");
            // the editor and everything it loads come from this server: no CDN, no prefix.cc, no LOV
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
            assertFalse(loaded.isEmpty());
            for (String url : loaded)
                assertTrue(url.startsWith(origin + "/"), "loaded from elsewhere: " + url);
            WebElement link = browser.findElements(By.cssSelector(".yasr table a.iri")).stream()
                    .filter(a -> a.getAttribute("href").startsWith(WebClient.BASE + "id/")).findFirst()
                    .orElseThrow(() -> new AssertionError("no entity in the results"));
            String page = origin + "/doc/" + link.getAttribute("href").substring((WebClient.BASE + "id/").length());
            // a click as a person's: YASR's ellipsis can cover part of the cell, which WebDriver's click refuses
            browser.executeScript("arguments[0].click()", link);
            waitFor(browser, "the entity page " + page, () -> b.getCurrentUrl().equals(page));
            assertFalse(browser.findElement(By.tagName("h1")).getText().isEmpty());

            // every entity page opens the editor with a query about it
            browser.get(origin + "/doc/concept/compliance-gap");
            browser.findElement(By.id("open-in-editor")).click();
            waitFor(browser, "YASGUI with the entity's query", () -> !b.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
            String text = (String) browser.executeScript("return document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()");
            assertTrue(text.contains("<" + WebClient.BASE + "id/concept/compliance-gap>"), text);
            waitFor(browser, "the entity query's results", () -> !b.findElements(By.cssSelector(".tabPanel.active .yasr table a.iri")).isEmpty());
        } finally {
            if (browser != null)
                browser.quit();
            service.stop();
            server.stop();
        }
    }

    private static void shot(ChromeDriver browser, Path folder, String name) throws Exception {
        Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits (20 s at most) until {@code done}: pages, suggestions and results arrive asynchronously. */
    private static void waitFor(ChromeDriver browser, String what, Supplier<Boolean> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (done.get())
                    return;
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is changing under us: ask again
            }
            Thread.sleep(100);
        }
        fail("waited 20 s for " + what + " at " + browser.getCurrentUrl());
    }

    private static void waitForHeading(ChromeDriver browser, String text) throws InterruptedException {
        waitFor(browser, "the heading '" + text + "'", () -> text.equals(browser.findElement(By.tagName("h1")).getText()));
    }
}
