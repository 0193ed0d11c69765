package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.contact.ContactStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's dashboard of a known simulated campaign (the demo's month for 120 sample rows): its figures are
 * the campaign's contacts and calls counted one by one, and the page, opened in Debian's Chromium (headless,
 * through its chromedriver), renders every chart without a console error or a Content-Security-Policy
 * violation, and shows no callee's number. Screenshots are left in {@code target/dashboard-*.png}.
 */
class DashboardInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Demo.Result demo;
    private static Path dashboard;

    @BeforeAll
    static void runTheDemoMonth() throws Exception {
        demo = CalmJuneDemo.result();
        dashboard = CalmJuneDemo.out().resolve("reports/" + CalmJuneDemo.CLIENT + "/dashboard");
    }

    @AfterAll
    static void cleanUp() {
        // the temporary folder is left for a person to look at when the test fails
    }

    @Test
    void theFiguresAreTheCampaignsContactsAndCallsCountedOneByOne() throws Exception {
        JsonNode campaign = JSON.readTree(dashboard.resolve("dashboard.json").toFile()).path("campaigns").get(0);
        JsonNode contacts = campaign.path("contacts");

        assertEquals(demo.accepted(), contacts.path("stored").asLong());
        assertEquals(demo.statuses().getOrDefault(ContactStatus.REACHED, 0L), contacts.path("reached").asLong());
        assertEquals(demo.statuses().getOrDefault(ContactStatus.NOT_REACHED, 0L), contacts.path("notReached").asLong());
        assertEquals(demo.statuses().getOrDefault(ContactStatus.UNSUCCESSFUL, 0L),
                contacts.path("unsuccessful").asLong());
        assertEquals(demo.statuses().getOrDefault(ContactStatus.OPPOSED, 0L), contacts.path("opposed").asLong());
        assertEquals(demo.pending(), contacts.path("callable").asLong() + contacts.path("inProgress").asLong());
        assertEquals(demo.ratedCalls(), campaign.path("calls").asLong());
        assertEquals(demo.connect().callsPlaced(), campaign.path("attempts").asLong());
        assertEquals(demo.answeredCalls(), campaign.path("answered").asLong());
        // Compared as numbers: JSON writes 158.20 minutes as 158.2.
        java.math.BigDecimal billedMinutes = java.math.BigDecimal.valueOf(demo.billedSeconds())
                .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
        assertEquals(0, billedMinutes.compareTo(campaign.path("billedMinutes").decimalValue()),
                billedMinutes + " billed minutes, the dashboard says " + campaign.path("billedMinutes"));
        assertEquals(demo.accepted() + demo.rejected() + demo.skipped(),
                campaign.path("contactFiles").get(0).path("rowsRead").asLong());
        // The calls are placed within the legal windows: no answer rate outside 10:00-13:00 and 14:00-20:00.
        campaign.path("answerRatePercentByHour").fieldNames().forEachRemaining(hour -> {
            int h = Integer.parseInt(hour);
            assertTrue(h >= 10 && h < 20 && h != 13, "calls at " + h + " h");
        });
        assertTrue(Files.readString(dashboard.resolve("dashboard.csv"), StandardCharsets.UTF_8)
                .startsWith("\uFEFFcampagne;indicateur;détail;valeur"));
    }

    @Test
    void thePageRendersEveryChartInChromiumWithoutErrorsAndWithoutACalleeNumber() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,2400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            for (String page : List.of("index.html", "index.en.html")) {
                browser.get(dashboard.resolve(page).toUri().toString());

                for (String chart : List.of("chart-status", "chart-attempt", "chart-hour", "chart-day", "chart-talk")) {
                    WebElement svg = browser.findElement(By.cssSelector("svg." + chart));
                    assertTrue(svg.isDisplayed() && svg.getSize().getWidth() > 100, chart + " on " + page);
                    assertFalse(svg.findElements(By.cssSelector("rect")).isEmpty(), chart + " has bars");
                }
                List<String> problems = new ArrayList<>();
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                        problems.add(entry.getMessage());
                    }
                }
                assertEquals(List.of(), problems, "console of " + page);
                String shown = browser.getPageSource() + browser.findElement(By.tagName("body")).getText();
                for (String number : calleeNumbers()) {
                    assertFalse(shown.contains(number), "a callee's number on " + page);
                }
                byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(Path.of("target", "dashboard-" + page.replace(".html", "") + ".png"), png);
            }
            // A phone-sized window gets the same page, laid out in one column, every chart still drawn.
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 2400));
            browser.get(dashboard.resolve("index.html").toUri().toString());
            assertTrue(browser.findElement(By.cssSelector("svg.chart-hour")).getSize().getWidth() <= 390);
            Files.write(Path.of("target", "dashboard-phone.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** Every callee number of the sample file, as written there and as its last nine digits. */
    private static List<String> calleeNumbers() {
        String sample = new String(SampleContacts.generate(CalmJuneDemo.ROWS, CalmJuneDemo.SEED), StandardCharsets.UTF_8);
        List<String> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?:\\+|00)?\\d[\\d .]{7,}\\d").matcher(sample);
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (digits.length() >= 9) {
                numbers.add(digits.substring(digits.length() - 9));
            }
        }
        assertTrue(numbers.size() > CalmJuneDemo.ROWS / 2, "the sample's numbers were found: " + numbers.size());
        return numbers;
    }
}
