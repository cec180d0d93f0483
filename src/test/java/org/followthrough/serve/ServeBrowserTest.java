package org.followthrough.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.followthrough.support.Browser;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an editor sees in a real browser with {@code serve}: the open page reloads by itself after a
 * save and shows the change; after a save that breaks the content it shows the problems, and after
 * the fix the page again. Runs in headless Chromium.
 */
class ServeBrowserTest {

    @TempDir
    Path temp;

    @Test
    void theOpenPageReloadsByItselfWithEachSavedChange() throws IOException {
        Browser.assumeAvailable();
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Path recommendation = content.resolve("plans/sample-review/recommendations/01.yaml");
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"));
             Browser browser = Browser.start()) {
            var driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, ServeRun.PATIENCE);
            // Asked while the page is being replaced, the old page's elements are gone and the new one's not there yet.
            wait.ignoring(StaleElementReferenceException.class).ignoring(JavascriptException.class);
            driver.get(serve.address() + "plans/sample-review/");
            assertThat(mainText(browser)).contains("A template has been drafted.");
            markPage(browser);

            ServeRun.edit(recommendation, "text: A template has been drafted.", "text: A template has been drafted and tried out.");

            wait.until(d -> !isMarked(browser) && mainText(browser).contains("A template has been drafted and tried out."));
            markPage(browser);

            ServeRun.edit(recommendation, "        status: done", "        status: finished");

            wait.until(d -> !isMarked(browser) && d.findElement(By.tagName("h1")).getText().equals("1 problem in the content"));
            assertThat(mainText(browser)).contains("01.yaml:19:17", "unknown status 'finished'");
            markPage(browser);

            ServeRun.edit(recommendation, "        status: finished", "        status: done");

            wait.until(d -> !isMarked(browser) && d.findElement(By.tagName("h1")).getText().equals("Sample safety action plan"));
            assertThat(driver.getCurrentUrl()).isEqualTo(serve.address() + "plans/sample-review/");
        }
    }

    /** All the text of the page's main content, including what is folded away in details. */
    private static String mainText(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.querySelector('main').textContent;");
    }

    /** Leaves a mark in the page's window that only a reload takes away. */
    private static void markPage(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
    }

    private static boolean isMarked(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true;"));
    }
}
