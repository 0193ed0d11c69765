package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.time.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's month in its space, in Debian's Chromium (headless, through its chromedriver), against the local
 * cloud: the operator invites the client's administrator, who signs in with the temporary password, sets its own,
 * invites a colleague, uploads a contact file through the page (progress bar, then the file's report), starts
 * the campaign; after the simulated month it signs in again and finds the invoice's PDF behind the page's link. A
 * superviseur colleague gets no invoices. No console error or Content-Security-Policy violation on the way.
 * Screenshots are left in {@code target/client-space-*.png}.
 */
class ClientSpaceInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "espace-client";
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String CAMPAIGN = "rappels-octobre";
    private static final String SUB_ACCOUNT = "espace-client-relances";
    private static final String ADMIN = "direction@cabinet-espace.example";
    private static final String COLLEAGUE = "plateau@cabinet-espace.example";
    private static final String PASSWORD = "Mon-espace-2026!";
    private static final int ROWS = 40;

    private static LocalCloud cloud;
    private static ChromeDriver browser;
    private static String page;
    private static Path contactFile;

    @BeforeAll
    static void startTheCloudAndTheBrowser() throws Exception {
        LocalClock clock = LocalClock.simulated(MONTH.atDay(1).atTime(LocalTime.of(8, 0)).atZone(Zones.BILLING)
                .toInstant());
        cloud = LocalCloud.builder().clock(clock).seed(11).start();
        Demo.publishPriceList(cloud, cloud.physicalName("ContactBucket"));
        Client client = ReferenceData.demoClient(CLIENT);
        ReferenceData.onboard(cloud, client, ReferenceData.demoCampaign(CLIENT, CAMPAIGN), MONTH.atDay(1), false);
        // A sub-account of the client's, which its administrator reaches from the page too.
        var keys = cloud.identity(ReferenceData.OPERATOR_ROLE, "OperatorAccessPolicy");
        var operator = new com.outboundcalls.infra.ops.AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"),
                LocalCloud.REGION, () -> keys);
        var sub = operator.post("/operator/clients/" + CLIENT + "/sub-accounts", JSON.createObjectNode()
                .put("clientId", SUB_ACCOUNT).put("name", "Relances").put("billingEmail", "relances@cabinet-espace.example")
                .put("invoicing", "PARENT_SECTION").set("tariff", JSON.createObjectNode().put("maxAttempts", 2)
                        .put("retryDelayMinutes", 60)).toString());
        assertEquals(201, sub.status(), sub.body());
        page = cloud.httpApiEndpoint("ClientSpaceApi") + "/";
        contactFile = Files.createTempFile("contacts-", ".csv");
        Files.write(contactFile, SampleContacts.generate(ROWS, 11));

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void anInvitedAdministratorUploadsAFileStartsItsCampaignAndGetsItsInvoiceThroughThePage() throws Exception {
        // The operator invites the client's first administrator; Cognito mails a temporary password.
        ReferenceData.invite(cloud, CLIENT, ADMIN, "ADMINISTRATEUR");
        browser.get(page);
        signIn(ADMIN, temporaryPassword(ADMIN));
        // First sign-in: the page asks for the user's own password.
        waitFor(() -> browser.findElement(By.id("newpassword")).isDisplayed(), "the new password form");
        shot("new-password");
        browser.findElement(By.id("newpassword-value")).sendKeys(PASSWORD);
        browser.findElement(By.id("newpassword-again")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#newpassword button")).click();
        waitFor(() -> browser.findElement(By.id("space")).isDisplayed(), "the client space");
        assertTrue(browser.findElement(By.id("who")).getText().contains(ADMIN));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"), "French by default");

        // The administrator invites a colleague as superviseur.
        browser.findElement(By.cssSelector("[data-view=users]")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("#user-table tr[data-user='" + ADMIN + "']")).isEmpty(),
                "the users");
        browser.findElement(By.id("invite-email")).sendKeys(COLLEAGUE);
        browser.findElement(By.cssSelector("#invite-role option[value=SUPERVISEUR]")).click();
        browser.findElement(By.cssSelector("#invite button")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("#user-table tr[data-user='" + COLLEAGUE + "']")).isEmpty(),
                "the invited colleague");
        assertTrue(cloud.cognito().invitations().stream().anyMatch(i -> i.email().equals(COLLEAGUE)));
        shot("users");

        // The administrator switches to its sub-account (no campaign there yet), then back to its own account.
        browser.findElement(By.cssSelector("[data-view=campaigns]")).click();
        waitFor(() -> browser.findElement(By.id("account-choice")).isDisplayed(), "the account choice");
        browser.findElement(By.cssSelector("#account option[value='" + SUB_ACCOUNT + "']")).click();
        waitFor(() -> browser.findElements(By.cssSelector("#campaign-table tbody tr")).isEmpty(),
                "the sub-account's (empty) campaigns");
        browser.findElement(By.cssSelector("#account option[value='']")).click();

        // A contact file, through the page: an upload link, the PUT with its progress, then the file's report.
        browser.findElement(By.cssSelector("[data-view=campaigns]")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("tr[data-campaign='" + CAMPAIGN + "']")).isEmpty(),
                "the campaigns");
        browser.findElement(By.id("upload-file")).sendKeys(contactFile.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button")).click();
        waitFor(() -> {
            cloud.drain(); // the ingest runs on the local cloud's events
            return browser.findElement(By.id("report")).isDisplayed();
        }, "the file's report");
        assertEquals("100", browser.findElement(By.id("upload-progress")).getAttribute("value"));
        JsonNode summary = storedSummary();
        assertEquals("PROCESSED", summary.path("status").asText());
        assertEquals("Traité", figure("status"));
        assertEquals(summary.path("accepted").asText(), figure("accepted"));
        assertEquals(summary.path("rejected").asText(), figure("rejected"));
        assertEquals(ROWS, summary.path("rowsRead").asInt());
        if (summary.path("rejected").asLong() > 0) {
            assertTrue(browser.findElement(By.id("report-rejects")).isDisplayed(), "the rejects file is offered");
        }
        shot("report");

        // The client starts its campaign.
        browser.findElement(By.cssSelector("tr[data-campaign='" + CAMPAIGN + "'] button[data-action=start]")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("tr[data-campaign='" + CAMPAIGN + "'] button[data-action=pause]"))
                .isEmpty(), "the running campaign");
        shot("campaign-started");

        // The month goes by: every contact settled, then the invoice run of its last evening.
        DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        Campaign campaign = ReferenceData.demoCampaign(CLIENT, CAMPAIGN);
        Instant monthEnd = MONTH.plusMonths(1).atDay(1).atStartOfDay(Zones.BILLING).toInstant();
        cloud.runUntil(monthEnd.minusSeconds(1), Duration.ofMinutes(15), () -> settled(contacts.countByStatus(campaign.key())));
        cloud.skipTo(cloud.nextFire("InvoiceGeneratorFunction.EndOfMonth"));
        cloud.drain();

        // A month later the session is over: the page says so and asks to sign in again.
        browser.get(page + "#invoices");
        browser.navigate().refresh();
        waitFor(() -> browser.findElement(By.id("signin")).isDisplayed(), "the sign-in form after the month");
        signIn(ADMIN, PASSWORD);
        waitFor(() -> browser.findElement(By.id("view-invoices")).isDisplayed(), "the invoices");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('invoice-month-value').value = arguments[0];", MONTH.toString());
        browser.findElement(By.cssSelector("#invoice-month button")).click();
        String[] link = new String[2];
        waitFor(() -> {
            List<WebElement> rows = browser.findElements(By.cssSelector("#invoice-table tr[data-invoice]"));
            if (rows.isEmpty() || rows.get(0).findElements(By.cssSelector("a[data-export=pdf]")).isEmpty()) {
                return false;
            }
            link[0] = rows.get(0).getAttribute("data-invoice");
            link[1] = rows.get(0).findElement(By.cssSelector("a[data-export=pdf]")).getAttribute("href");
            return true;
        }, "the invoice's PDF link");
        String number = link[0];
        byte[] downloaded = get(link[1]);
        byte[] stored = cloud.s3().getObjectAsBytes(r -> r.bucket(cloud.physicalName("ContactBucket"))
                .key("exports/invoices/" + MONTH + "/" + number + "_" + CLIENT + ".pdf")).asByteArray();
        assertArrayEquals(stored, downloaded, "the page's link is the invoice's PDF");
        assertTrue(new String(downloaded, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        shot("invoices");

        // English on demand; a phone-sized window keeps every section usable.
        browser.findElement(By.id("language")).click();
        waitFor(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")), "English");
        assertEquals("Invoices", browser.findElement(By.id("h-invoices")).getText());
        waitFor(() -> !browser.findElements(By.cssSelector("#invoice-table a[data-export=pdf]")).isEmpty(),
                "the invoice's links in English");
        browser.manage().window().setSize(new Dimension(390, 1600));
        shot("phone");
        browser.manage().window().setSize(new Dimension(1200, 1600));
        browser.findElement(By.id("language")).click();

        // The colleague, a superviseur, signs in: no invoices in its menu, and the API refuses them.
        browser.findElement(By.id("signout")).click();
        waitFor(() -> browser.findElement(By.id("signin")).isDisplayed(), "the sign-in form");
        signIn(COLLEAGUE, temporaryPassword(COLLEAGUE));
        waitFor(() -> browser.findElement(By.id("newpassword")).isDisplayed(), "the colleague's new password form");
        browser.findElement(By.id("newpassword-value")).sendKeys(PASSWORD);
        browser.findElement(By.id("newpassword-again")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#newpassword button")).click();
        waitFor(() -> browser.findElement(By.id("space")).isDisplayed(), "the colleague's space");
        assertFalse(browser.findElement(By.cssSelector("[data-view=invoices]")).isDisplayed());
        assertFalse(browser.findElement(By.cssSelector("[data-view=users]")).isDisplayed());
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/client/invoices?month=" + MONTH + "', {headers: {Authorization: 'Bearer ' + "
                        + "sessionStorage.getItem('idToken')}}).then(r => done(r.status));");
        assertEquals(403L, status);
        shot("superviseur");

        assertEquals(List.of(), consoleProblems(), "console errors or CSP violations");
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicyAndNoInlineCode() throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        String policy = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains(cloud.cognito().endpoint().toString()), "the user pool is reachable: " + policy);
        assertFalse(index.body().contains("<script>") || index.body().contains("style="), "no inline code");
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<String> outside = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(page + "app/..%2Fpom.xml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, outside.statusCode());
        // The API behind the same origin still wants a token.
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(page + "client/campaigns")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode());
    }

    // ------------------------------------------------------------------ helpers

    private static void signIn(String email, String password) {
        WebElement field = browser.findElement(By.id("signin-email"));
        field.clear();
        field.sendKeys(email);
        browser.findElement(By.id("signin-password")).sendKeys(password);
        browser.findElement(By.cssSelector("#signin button")).click();
    }

    private static String temporaryPassword(String email) {
        return cloud.cognito().invitations().stream().filter(i -> i.email().equals(email))
                .reduce((a, b) -> b).orElseThrow().temporaryPassword();
    }

    private static String figure(String name) {
        return browser.findElement(By.cssSelector("#report-figures dd[data-figure=" + name + "]")).getText();
    }

    private static JsonNode storedSummary() throws Exception {
        String bucket = cloud.physicalName("ContactBucket");
        String prefix = "reports/" + CLIENT + "/" + CAMPAIGN + "/";
        String key = cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).filter(k -> k.endsWith(".summary.json")).findFirst().orElseThrow();
        return JSON.readTree(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }

    private static boolean settled(Map<ContactStatus, Long> counts) {
        return counts.getOrDefault(ContactStatus.CALLABLE, 0L) + counts.getOrDefault(ContactStatus.QUEUED, 0L)
                + counts.getOrDefault(ContactStatus.DIALING, 0L) == 0 && !counts.isEmpty();
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        shot("timeout");
        throw new AssertionError("waited in vain for " + what + "; the page says: "
                + browser.findElement(By.tagName("main")).getText(), last);
    }

    private static List<String> consoleProblems() {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            // A 401 is the page's own way to learn a session ended; anything else counts.
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() && !entry.getMessage().contains("401")
                    && !entry.getMessage().contains("403")) {
                problems.add(entry.getMessage());
            }
        }
        return problems;
    }

    private static void shot(String name) {
        try {
            Files.write(Path.of("target", "client-space-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
