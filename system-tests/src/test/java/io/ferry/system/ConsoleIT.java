package io.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.ferry.infra.Ports;
import io.ferry.runner.LocalFerry;
import io.ferry.runner.RunnerSettings;

/**
 * The web console in real headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run} installs),
 * against the whole system as {@code ./ferry up} starts it: sign in, register a cluster, define an ad hoc copy, run
 * it and watch its PVCs' bars go to 100%, cancel a second run, see the API's refusal, filter and sort the jobs,
 * define a policy and read its schedule, and a viewer's disabled buttons. Screenshots of the job page land in
 * {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleIT.ScreenshotOnFailure.class)
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ORG = "org-console";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String CLUSTER = "console-cluster";
    private static final String BACKUP = "web-backup";
    private static final String COPY = "web-copy";
    /** Bytes per second: the 2 × 3 MiB of the first run take about 6 s, so the bars are seen in between. */
    private static final int UPLOAD_LIMIT = 1_000_000;
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(90);
    private static final List<String> TERMINAL = List.of("COMPLETED", "PARTIAL", "FAILED", "CANCELLED", "SKIPPED");

    private static RunnerSettings settings;
    private static LocalFerry ferry;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startFerryAndBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        settings = RunnerSettings.forTests(Path.of(System.getProperty("ferry.repository", "..")),
                Files.createTempDirectory("ferry-console-it"), 1, name -> Ports.free());
        ferry = new LocalFerry(settings, System.out);
        ferry.start();
        profile = Files.createTempDirectory("ferry-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking switches Chromium keeps trying hosts this machine cannot reach.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowserAndFerry() {
        if (browser != null) {
            browser.quit();
        }
        if (ferry != null) {
            ferry.close();
        }
    }

    @Test
    @Order(1)
    void aPastedTokenSignsIn() {
        browser.get(ferry.gatewayUrl() + "/");
        waitFor(By.id("token")).sendKeys(ferry.adminToken(ORG, Duration.ofHours(1)));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        WebElement who = waitFor(By.cssSelector("[data-testid=who]"));
        assertThat(who.getText()).contains(ORG).contains("admin");
        assertThat(browser.getCurrentUrl()).endsWith("#/jobs");
    }

    @Test
    @Order(2)
    void anAdminRegistersAClusterThatItsAgentActivates() {
        open("/clusters");
        click(By.cssSelector("[data-testid=new-kubeclusters]"));
        type("name", CLUSTER);
        type("description", "registered in the console");
        click(By.cssSelector("[data-testid=create-submit]"));

        By row = By.cssSelector("[data-testid=clusters] tr[data-name=" + CLUSTER + "]");
        waitUntil(Duration.ofSeconds(40), () -> stateIn(row).equals("ACTIVE"));
        assertThat(browser.findElement(row).getText()).contains("kubectl apply -f '" + ferry.gatewayUrl()
                + "/api/v1/kubeclusters/");
    }

    @Test
    @Order(3)
    void theApisRefusalIsShownWithItsMessage() {
        open("/clusters");
        click(By.cssSelector("[data-testid=new-kubeclusters]"));
        type("name", CLUSTER);
        click(By.cssSelector("[data-testid=create-submit]"));

        WebElement error = waitFor(By.cssSelector("[data-testid=create-kubeclusters] .error"));
        assertThat(error.getText()).contains("422").contains("value '" + CLUSTER + "' is not unique");
        assertThat(browser.findElement(By.cssSelector("[data-testid=create-kubeclusters] .field-issue")).getText())
                .contains("not unique");
    }

    @Test
    @Order(4)
    void anAdhocCopyRunsAndItsProgressBarsGoFromZeroToOneHundred() throws IOException {
        writeRandom(settings.agentVolumes().resolve("web").resolve("assets"), 3 << 20);
        writeRandom(settings.agentVolumes().resolve("web").resolve("images"), 3 << 20);
        open("/kubebackups");
        click(By.cssSelector("[data-testid=new-kubebackups]"));
        type("name", BACKUP);
        new Select(waitFor(By.name("cluster"))).selectByVisibleText(CLUSTER);
        type("namespaces", "web");
        click(By.cssSelector("[data-testid=create-submit]"));
        waitFor(By.cssSelector("[data-testid=definitions] tr[data-name=" + BACKUP + "]"));

        open("/kubeoffloads");
        click(By.cssSelector("[data-testid=new-kubeoffloads]"));
        type("name", COPY);
        new Select(waitFor(By.name("backupdef"))).selectByVisibleText(BACKUP);
        type("upload_speed_limit", String.valueOf(UPLOAD_LIMIT));
        type("pvc_parallelism", "2");
        click(By.cssSelector("[data-testid=create-submit]"));
        click(By.linkText(COPY));
        String copy = waitFor(By.cssSelector("[data-testid=definition-page][data-id]")).getDomAttribute("data-id");

        runNow();
        Map<String, List<Integer>> seen = watchBarsUntilTheJobEnds("copy-running.png");

        assertThat(jobState()).isEqualTo("COMPLETED");
        assertThat(seen).containsOnlyKeys("job", "snapshot:web/assets", "snapshot:web/images", "copy:web/assets",
                "copy:web/images");
        seen.forEach((bar, values) -> {
            assertThat(values.get(values.size() - 1)).as(bar + " ends at 100%").isEqualTo(100);
            if (!bar.equals("job")) {
                // a PVC's bar never goes back (the job's may, as later PVCs' scans add to the bytes it expects)
                assertThat(values).as(bar + " never goes back").isSorted();
            }
        });
        for (String bar : List.of("copy:web/assets", "copy:web/images")) {
            // the snapshot of a local directory is instant; the copy at the upload limit takes seconds
            assertThat(seen.get(bar).get(0)).as(bar + " starts below 100%").isLessThan(100);
            assertThat(seen.get(bar)).as(bar + " is seen between 0 and 100%").anyMatch(value -> value > 0 && value < 100);
        }
        assertThat(browser.findElement(By.cssSelector("[data-testid=activity]")).getText()).contains("Job created");
        screenshot("copy-completed.png");

        browser.findElement(By.cssSelector(".reference a[href='#/kubeoffloads/" + copy + "']")).click();
        WebElement chart = waitFor(By.cssSelector("[data-testid=runs-chart]"));
        waitUntil(Duration.ofSeconds(10), () -> "1".equals(chart.getDomAttribute("data-runs")));
    }

    @Test
    @Order(5)
    void aRunningCopyIsCancelledFromItsJobPage() throws IOException {
        // New data, so that the run has something to upload at the limit and is still running when cancelled.
        writeRandom(settings.agentVolumes().resolve("web").resolve("assets"), 24 << 20);
        open("/kubeoffloads/" + copyId());
        runNow();
        waitUntil(JOB_DEADLINE, () -> !browser.findElements(
                By.cssSelector("[data-testid=pvcs] tr[data-step=copy][data-state=ACTIVE]")).isEmpty());
        WebElement cancel = waitFor(By.cssSelector("[data-testid=cancel-job]"));
        waitUntil(Duration.ofSeconds(10), cancel::isEnabled);
        cancel.click();

        waitUntil(Duration.ofSeconds(30), () -> jobState().equals("CANCELLED"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=cancel-job]")).isEnabled()).isFalse();
        // the agent reports the PVCs it stops as FAILED ("Cancelled on request"); the page follows them until then
        waitUntil(Duration.ofSeconds(30), () -> browser.findElements(By.cssSelector("[data-testid=pvcs] tr[data-state=ACTIVE]"))
                .isEmpty());
        screenshot("copy-cancelled.png");
    }

    @Test
    @Order(6)
    void theJobListFiltersAndSortsThroughTheApi() {
        open("/jobs");
        By rows = By.cssSelector("[data-testid=jobs] tbody tr");
        waitUntil(Duration.ofSeconds(15), () -> states(rows).containsAll(List.of("COMPLETED", "CANCELLED")));
        new Select(waitFor(By.name("state"))).selectByValue("CANCELLED");
        waitUntil(Duration.ofSeconds(15), () -> !states(rows).isEmpty() && states(rows).stream().allMatch("CANCELLED"::equals));

        new Select(browser.findElement(By.name("state"))).selectByValue("");
        By stateHeader = By.xpath("//th[button[starts-with(normalize-space(), 'State')]]");
        click(By.xpath("//th/button[starts-with(normalize-space(), 'State')]"));
        waitUntil(Duration.ofSeconds(15), () -> "ascending".equals(browser.findElement(stateHeader).getDomAttribute("aria-sort"))
                && states(rows).size() >= 2 && states(rows).equals(sorted(states(rows), false)));
        click(By.xpath("//th/button[starts-with(normalize-space(), 'State')]"));
        // the default order (newest first) is the ascending one here, so descending is what shows the sort applied
        waitUntil(Duration.ofSeconds(15), () -> "descending".equals(browser.findElement(stateHeader).getDomAttribute("aria-sort"))
                && states(rows).size() >= 2 && states(rows).equals(sorted(states(rows), true))
                && !states(rows).equals(sorted(states(rows), false)));
    }

    @Test
    @Order(7)
    void aPolicyShowsItsScheduleInWordsAndItsNextFires() {
        open("/policies");
        click(By.cssSelector("[data-testid=new-policies]"));
        type("name", "nightly");
        type("timezone", "Asia/Tokyo");
        type("cronSpec", "30 2 * * *");
        click(By.cssSelector("[data-testid=create-submit]"));

        WebElement schedule = waitFor(By.cssSelector("[data-testid=policies] tr[data-name=nightly] li[data-cron='30 2 * * *']"));
        assertThat(schedule.getText()).contains("At 02:30").contains("Asia/Tokyo").contains("kept 7 days");
        assertThat(schedule.findElement(By.cssSelector(".next-fires")).getText().replace("next: ", "").split(" · "))
                .hasSize(3).allMatch(fire -> fire.endsWith("02:30"));
    }

    @Test
    @Order(8)
    void aViewerSeesEverythingWithItsButtonsDisabled() {
        click(By.cssSelector("[data-testid=who] button"));
        browser.get(ferry.gatewayUrl() + "/#/signin?token=" + ferry.token(ORG, "viewer", Duration.ofHours(1)));
        assertThat(waitFor(By.cssSelector("[data-testid=confirm-sign-in]")).getText()).contains(ORG).contains("viewer");
        click(By.cssSelector("[data-testid=accept-sign-in]"));
        assertThat(waitFor(By.cssSelector("[data-testid=who]")).getText()).contains("viewer");

        open("/clusters");
        waitFor(By.cssSelector("[data-testid=clusters] tr[data-name=" + CLUSTER + "]"));
        assertDisabledForViewer(By.cssSelector("[data-testid=new-kubeclusters]"));
        open("/policies");
        waitFor(By.cssSelector("[data-testid=policies] tr[data-name=nightly]"));
        assertDisabledForViewer(By.cssSelector("[data-testid=new-policies]"));

        open("/kubeoffloads/" + copyId());
        assertDisabledForViewer(By.cssSelector("[data-testid=run-now]"));
        click(By.cssSelector("[data-testid=runs] tr a"));
        waitFor(By.cssSelector("[data-testid=pvcs]"));
        assertDisabledForViewer(By.cssSelector("[data-testid=cancel-job]"));
    }

    /** What the page showed when a test failed, beside the screenshots of the job page. */
    static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
            }
        }
    }

    private static void assertDisabledForViewer(By button) {
        WebElement element = waitFor(button);
        assertThat(element.isEnabled()).as(button + " is disabled").isFalse();
        assertThat(element.getDomAttribute("title")).isEqualTo("Viewer tokens are read-only");
    }

    /** Run now on a definition's page, then open the new run's job page from its runs table. */
    private static void runNow() {
        waitFor(By.cssSelector("[data-testid=runs]"));
        Set<String> earlier = runLinks();
        click(By.cssSelector("[data-testid=run-now]"));
        WebElement days = waitFor(By.name("retainDays"));
        days.clear();
        days.sendKeys("3");
        click(By.cssSelector("[data-testid=run-submit]"));
        waitFor(By.cssSelector("[data-testid=run-requested]"));
        waitUntil(JOB_DEADLINE, () -> !difference(runLinks(), earlier).isEmpty());
        String job = difference(runLinks(), earlier).iterator().next();
        click(By.cssSelector("[data-testid=runs] a[href='" + job + "']"));
        waitFor(By.cssSelector("[data-testid=job-page][data-state]"));
    }

    private static Set<String> runLinks() {
        return browser.findElements(By.cssSelector("[data-testid=runs] tbody a")).stream()
                .map(link -> link.getDomAttribute("href")).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(without);
        return rest;
    }

    /** The values of the job's bar and of each PVC's per step ("copy:web/assets") at every poll, until the job ends. */
    private static Map<String, List<Integer>> watchBarsUntilTheJobEnds(String screenshotWhileRunning) {
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        boolean[] photographed = {false};
        waitUntil(JOB_DEADLINE, () -> {
            String state = jobState();
            record(seen, "job", browser.findElement(By.cssSelector("[role=progressbar][aria-label=job]")));
            for (WebElement row : browser.findElements(By.cssSelector("[data-testid=pvcs] tbody tr"))) {
                String bar = row.getDomAttribute("data-step") + ":" + row.getDomAttribute("data-pvc");
                int value = record(seen, bar, row.findElement(By.cssSelector("[role=progressbar]")));
                // from the second value on, the page also shows the PVC's throughput and ETA
                if (!photographed[0] && value > 0 && value < 100 && seen.get(bar).size() >= 2) {
                    screenshot(screenshotWhileRunning);
                    photographed[0] = true;
                }
            }
            return TERMINAL.contains(state) && seen.values().stream()
                    .allMatch(values -> values.get(values.size() - 1) == 100 || !state.equals("COMPLETED"));
        });
        return seen;
    }

    /** Adds the bar's value to its list where it changed; returns it. */
    private static int record(Map<String, List<Integer>> seen, String bar, WebElement progressbar) {
        int value = Integer.parseInt(progressbar.getDomAttribute("aria-valuenow"));
        List<Integer> values = seen.computeIfAbsent(bar, key -> new ArrayList<>());
        if (values.isEmpty() || values.get(values.size() - 1) != value) {
            values.add(value);
        }
        return value;
    }

    private static List<String> sorted(List<String> values, boolean descending) {
        Comparator<String> order = descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder();
        return values.stream().sorted(order).toList();
    }

    private static List<String> states(By rows) {
        return browser.findElements(rows).stream().map(row -> row.getDomAttribute("data-state")).toList();
    }

    private static String jobState() {
        return waitFor(By.cssSelector("[data-testid=job-page]")).getDomAttribute("data-state");
    }

    private static String copyId() {
        open("/kubeoffloads");
        String href = waitFor(By.linkText(COPY)).getDomAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static String stateIn(By row) {
        List<WebElement> rows = browser.findElements(row);
        return rows.isEmpty() ? "" : rows.get(0).findElement(By.cssSelector(".badge")).getDomAttribute("data-state");
    }

    private static void open(String route) {
        browser.get(ferry.gatewayUrl() + "/#" + route);
    }

    /** Clicks the element once it is clickable, finding it again if the page re-rendered it in between. */
    private static void click(By target) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static void type(String field, String text) {
        WebElement input = waitFor(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    private static WebElement waitFor(By target) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(target));
    }

    private static void waitUntil(Duration deadline, BooleanSupplier condition) {
        new WebDriverWait(browser, deadline).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String name) {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve(name), png);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the screenshot " + name, e);
        }
    }

    /** Random, so that neither compression nor deduplication shortens the rate-limited upload. */
    private static void writeRandom(Path pvc, int size) throws IOException {
        byte[] data = new byte[size];
        new SecureRandom().nextBytes(data);
        Files.write(Files.createDirectories(pvc).resolve("data.bin"), data);
    }
}
