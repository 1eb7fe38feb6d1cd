package com.offerflow.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.List;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by .ci/run) signed in to
 * a Camunda webapp as one user.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final ApiClient api;

    private Browser(int port) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1400");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = "http://localhost:" + port + "/camunda/app/";
        this.api = new ApiClient(port);
    }

    /** Opens {@code app} (tasklist, cockpit) and signs in through its login form. */
    public static Browser signIn(int port, String app, String user, String password) {
        Browser browser = new Browser(port);
        try {
            browser.login(app, user, password);
        } catch (RuntimeException e) {
            browser.keepEvidence(app + "-login-" + user);
            browser.close();
            throw e;
        }
        return browser;
    }

    /**
     * The webapps' JAX-RS resources start on their first request, which on a busy two-core machine can take longer
     * than the seven seconds RequireJS waits for a plugin script: request them once before the browser does.
     */
    private void warmUp(String app) {
        for (String path : List.of("engine/engine/", app + "/plugin/" + app + "Plugins/static/app/plugin.js")) {
            api.as(ApiClient.ANONYMOUS).get("/camunda/api/" + path);
        }
    }

    private void login(String app, String user, String password) {
        Browser browser = this;
        warmUp(app);
        browser.driver.get(browser.baseUrl + app + "/default/");
        // The login view may be rendered again while AngularJS boots, dropping what was typed: type until the form
        // holds both values (ng-valid), then submit it.
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            List<WebElement> names = d.findElements(By.cssSelector("form input[placeholder=Username]"));
            List<WebElement> passwords = d.findElements(By.cssSelector("form input[placeholder=Password]"));
            if (names.isEmpty() || passwords.isEmpty()) {
                return false;
            }
            if (d.findElements(By.cssSelector("form.ng-valid")).isEmpty()) {
                type(names.get(0), user);
                type(passwords.get(0), password);
            }
            return !d.findElements(By.cssSelector("form.ng-valid")).isEmpty();
        });
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('form').requestSubmit()");
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Enters text as the browser's input event: Debian's headless Chromium 156 with its chromedriver drops the
     * characters of WebDriver key events, so the value is set and the input event dispatched, as typing would.
     */
    public void type(WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
    }

    /** Keeps a screenshot and the page source under target/browser/, to see what a failed test saw. */
    public void keepEvidence(String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/browser"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(folder.resolve(name + ".png"), png);
            java.nio.file.Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
            java.nio.file.Files.write(folder.resolve(name + ".log"), driver.manage().logs()
                    .get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream().map(Object::toString).toList());
        } catch (java.io.IOException | RuntimeException e) {
            // evidence is best effort: the test's own failure is what matters
        }
    }

    public void open(String appPath) {
        driver.get(baseUrl + appPath);
    }

    public WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public void awaitGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /**
     * Clicks as the element's click event: like its key events, the native mouse events of Debian's headless
     * Chromium 156 through chromedriver do not reach the page's handlers.
     */
    public void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
