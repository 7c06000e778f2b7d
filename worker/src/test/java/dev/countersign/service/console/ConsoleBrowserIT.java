package dev.countersign.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.CountersignApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console in real Chromium against the whole service (embedded Temporal, demo agent, demo
 * users): a reviewer sees a new approval arrive without reloading and decides it; an edit of a
 * large refund keeps it waiting for a second approver; a POST without the CSRF token is refused.
 * Skipped, with a message, where Chromium or chromedriver is not installed.
 */
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("acceptance")
class ConsoleBrowserIT {

    @LocalServerPort
    int port;

    private Browser browser;

    @DynamicPropertySource
    static void ownTemporalServerAndLedger(DynamicPropertyRegistry registry) {
        int temporalPort = freeLoopbackPort();
        String database = "jdbc:h2:mem:console-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> database);
        registry.add("TEMPORAL_ADDRESS", () -> "");
    }

    @BeforeAll
    static void browserIsInstalled() {
        Assumptions.assumeTrue(
                Browser.installed(),
                "browser tests skipped: no executable Chromium at " + Browser.chromium() + " or chromedriver at "
                        + Browser.chromedriver() + " (install Debian's chromium and chromium-driver, or set"
                        + " -Dconsole.chromium and -Dconsole.chromedriver)");
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aliceSeesANewRefundArriveWithoutReloadingApprovesItAndSeesTheTaskComplete() {
        signIn("alice");
        browser.driver.get(base() + "/inbox");
        JavascriptExecutor page = (JavascriptExecutor) browser.driver;
        page.executeScript("window.countersignSamePage = true;");

        ServiceApi api = new ServiceApi(base(), "dave");
        String earlier = api.startRefund("console-" + UUID.randomUUID(), "A-2", "89.90");
        browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("a[href='/approvals/" + earlier + ".a2']")));
        String taskId = api.startRefund("console-" + UUID.randomUUID(), "A-1", "250");
        String approvalId = taskId + ".a2";

        By row = By.cssSelector("a[href='/approvals/" + approvalId + "']");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(page.executeScript("return window.countersignSamePage === true;"))
                .as("the approval appeared in the same page, without a reload")
                .isEqualTo(Boolean.TRUE);
        browser.screenshot("console-inbox");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        browser.screenshot("console-inbox-phone");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        browser.driver.findElement(row).click();
        browser.waiting().until(ExpectedConditions.urlContains("/approvals/" + approvalId));
        assertThat(text(By.cssSelector(".args-table"))).contains("amount").contains("250");
        assertThat(text(By.id("approval-count"))).isEqualTo("0 of 1");
        browser.screenshotOfWholePage("console-approval");

        browser.driver.findElement(By.id("approve-button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/tasks/" + taskId));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("task-status"), "COMPLETED"));
        browser.screenshot("console-task");
    }

    @Test
    void bobEditsALargeRefundAndItStillWaitsForASecondApprover() {
        ServiceApi api = new ServiceApi(base(), "dave");
        String taskId = api.startRefund("console-edit-" + UUID.randomUUID(), "Z-5000", "5000");
        String approvalId = taskId + ".a2";
        api.awaitTask(
                taskId, task -> approvalId.equals(task.path("pendingApprovalId").asString()));

        signIn("bob");
        browser.driver.get(base() + "/approvals/" + approvalId + "?decision=edit");
        WebElement amount = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("arg-amount")));
        amount.clear();
        amount.sendKeys("4000");
        browser.driver.findElement(By.id("edit-button")).click();

        browser.waiting().until(ExpectedConditions.textToBe(By.id("approval-count"), "1 of 2"));
        assertThat(text(By.cssSelector(".flash-notice"))).contains("it waits for 1 more approver");
        assertThat(text(By.id("approval-missing"))).isEqualTo("waits for 1 more approver");
        assertThat(text(By.cssSelector(".args-table"))).contains("4000");
        assertThat(browser.driver.findElements(By.id("approve-button")))
                .as("bob may not approve twice")
                .isEmpty();

        JsonNode task = api.task(taskId);
        assertThat(task.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(task.path("pendingApproval").path("approvals").asInt()).isEqualTo(1);
        assertThat(task.path("pendingApproval").path("args").path("amount").decimalValue())
                .isEqualByComparingTo("4000");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        browser.screenshot("console-approval-phone");
    }

    @Test
    void postWithoutTheCsrfTokenIsRefusedAndSigningInRenewsTheSession() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> loginPage = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        String sessionBefore = sessionCookie(http);
        String token = csrfToken(loginPage.body());

        HttpResponse<String> signedIn = http.send(
                post("/login", "username=alice&password=" + ServiceApi.PASSWORD + "&_csrf=" + encode(token)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/inbox"));
        assertThat(sessionCookie(http)).as("a new session id after login").isNotEqualTo(sessionBefore);

        HttpResponse<String> withoutToken = http.send(
                post("/tasks/any-task/guidance", "text=refund+everything"), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF token").doesNotContain("Exception");

        HttpResponse<String> inbox = http.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = http.send(
                post("/tasks/any-task/guidance", "text=refund+everything&_csrf=" + encode(csrfToken(inbox.body()))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode())
                .as("with the token the request gets through (to an unknown task)")
                .isEqualTo(404);
    }

    private void signIn(String user) {
        browser.driver.get(base() + "/login");
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(ServiceApi.PASSWORD);
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/inbox"));
    }

    private String text(By locator) {
        return browser.driver.findElement(locator).getText().strip();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String sessionCookie(HttpClient http) {
        return ((CookieManager) http.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                        .map(java.net.HttpCookie::getValue)
                        .findFirst()
                        .orElse(null);
    }

    private static String csrfToken(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Temporal server", e);
        }
    }
}
