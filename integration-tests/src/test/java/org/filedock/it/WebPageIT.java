package org.filedock.it;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page at {@code /filedock/} in a real headless Chromium: after transfers over the protocol
 * socket, it shows the one in progress, lists the finished ones, and draws the rate chart of the
 * one chosen. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class WebPageIT {

    private static final int MIB = 1024 * 1024;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void listsTransfersLiveAndDrawsTheRateChartOfTheOneChosen() throws Exception {
        String dir = "web-" + UUID.randomUUID();
        String slow = "/" + dir + "/slow.bin";
        String quick = "/" + dir + "/quick.bin";
        byte[] content = new byte[4 * MIB];
        new Random(11).nextBytes(content);

        try (WireClient client = WireClient.connect(); HeadlessChromium browser = HeadlessChromium.start()) {
            try {
                assertTrue(client.call("MKDIR " + dir).startsWith("OK@"));
                browser.open("http://127.0.0.1:" + ItConfig.httpPort() + "/filedock/history.html");

                // Half the upload, then the page must show it in progress with a current rate.
                assertEquals("OK@Ready", client.call("UPLOAD " + slow + " " + content.length));
                client.sendRaw(Arrays.copyOfRange(content, 0, content.length / 2));
                WebElement running = browser.waitUntil("the upload in progress is listed",
                        d -> first(d.findElements(row(slow, "UPLOAD", "LIVE"))));
                assertEquals("In progress", cell(running, 8));
                assertTrue(cell(running, 7).endsWith("/s"), cell(running, 7));
                browser.screenshot("web-page-live");
                client.sendRaw(Arrays.copyOfRange(content, content.length / 2, content.length));
                assertEquals("OK@File uploaded", client.line());

                client.upload(quick, "a small file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertArrayEquals(content, client.download(slow));

                WebElement upload = browser.waitUntil("the finished upload is listed",
                        d -> first(d.findElements(row(slow, "UPLOAD", "COMPLETED"))));
                browser.waitUntil("the small upload is listed", d -> first(d.findElements(row(quick, "UPLOAD", "COMPLETED"))));
                WebElement download = browser.waitUntil("the download is listed",
                        d -> first(d.findElements(row(slow, "DOWNLOAD", "COMPLETED"))));
                assertEquals("4.0 MiB", cell(upload, 4));
                assertEquals("4.0 MiB", cell(upload, 5));
                assertTrue(cell(upload, 7).matches("[0-9.]+ (B|KiB|MiB|GiB)/s"), cell(upload, 7));
                assertTrue(statsCount(browser, "UPLOAD") >= 2);
                assertTrue(statsCount(browser, "DOWNLOAD") >= 1);

                String uploadColour = chooseAndWaitForChart(browser, upload, "Upload");
                browser.screenshot("web-page-upload-chart");
                String downloadColour = chooseAndWaitForChart(browser, download, "Download");
                assertNotEquals(uploadColour, downloadColour, "uploads and downloads are told apart");
                browser.screenshot("web-page");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("web-page-failed");
                throw e;
            }
        }
    }

    /** Clicks the row, waits until the chart of that transfer is drawn; returns its average line's colour. */
    private static String chooseAndWaitForChart(HeadlessChromium browser, WebElement row, String direction) {
        String id = row.getAttribute("data-id");
        row.click();
        browser.waitUntil("the chart of transfer " + id + " is drawn",
                d -> d.findElements(By.cssSelector("#detail[data-transfer-id='" + id + "'][data-chart-points]")).size() == 1);
        @SuppressWarnings("unchecked")
        List<Object> chart = (List<Object>) browser.script(
                "const chart = Chart.getChart(document.getElementById('rate-chart'));"
                        + "return [chart.data.datasets.map(d => d.label), chart.data.datasets[0].data.length,"
                        + " chart.data.datasets[1].borderColor];");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) chart.get(0);
        assertEquals(List.of(direction + " rate", direction + " rate, rolling average of 60 samples"), labels);
        assertTrue(((Number) chart.get(1)).longValue() >= 1, "at least one sample point");
        long painted = ((Number) browser.script(
                "const c = document.getElementById('rate-chart');"
                        + "const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) n++; }"
                        + "return n;")).longValue();
        assertTrue(painted > 1000, "the canvas is drawn on: " + painted + " pixels");
        return (String) chart.get(2);
    }

    private static long statsCount(HeadlessChromium browser, String direction) {
        WebElement row = browser.driver().findElement(By.cssSelector("#stats tr[data-direction='" + direction + "']"));
        return Long.parseLong(row.findElements(By.tagName("td")).get(0).getText());
    }

    private static By row(String path, String direction, String state) {
        return By.cssSelector("#transfers tr[data-path='" + path + "'][data-direction='" + direction
                + "'][data-state='" + state + "']");
    }

    private static String cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index).getText();
    }

    private static WebElement first(List<WebElement> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }
}
