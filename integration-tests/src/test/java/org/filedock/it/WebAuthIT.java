package org.filedock.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web part with {@code filedock.auth=required} (the "web-auth" server; its users were added
 * with add-user.sh to the application realm): HTTPS only, HTTP Basic for the API, the page's login
 * session with its cookie, and the same-origin proof for what changes state.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "web-auth")
class WebAuthIT {

    private static final String USER = System.getProperty("it.web-auth.user");
    private static final String PASSWORD = System.getProperty("it.web-auth.password");
    private static final String ADMIN = System.getProperty("it.web-auth.admin");
    private static final String ADMIN_PASSWORD = System.getProperty("it.web-auth.admin-password");
    private static final String ORIGIN = "https://localhost:" + ItConfig.httpsPort();
    private static final String API = ORIGIN + "/filedock/api/";
    private static final String PROOF = "X-Requested-With";

    private static X509Certificate certificate;
    private static HttpClient https;
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @BeforeAll
    static void trustTheServersCertificate() throws IOException, GeneralSecurityException {
        certificate = ServerCertificate.fetch("localhost", ItConfig.httpsPort());
        https = HttpClient.newBuilder().sslContext(ServerCertificate.trusting(certificate))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void thePageIsServedOverTls12OrLaterWithTheServersOwnCertificate() throws Exception {
        HttpResponse<String> page = send(https, get(ORIGIN + "/filedock/"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>FileDock"), page.body());
        String protocol = page.sslSession().orElseThrow().getProtocol();
        assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(protocol), protocol);
    }

    @Test
    void plainHttpIsRefusedForTheApiAndRedirectedForThePage() throws Exception {
        String plain = "http://localhost:" + ItConfig.httpPort() + "/filedock/";
        HttpResponse<String> api = send(PLAIN, get(plain + "api/info").header("Authorization", basic(USER, PASSWORD)));
        assertProblem(api, 403, "HTTPS required");

        HttpResponse<String> page = send(PLAIN, get(plain + "?x=1"));
        assertEquals(302, page.statusCode());
        assertEquals(ORIGIN + "/filedock/?x=1", page.headers().firstValue("Location").orElse(""));
    }

    @Test
    void theApiAsksForBasicCredentialsAndChecksThemAgainstTheRealm() throws Exception {
        HttpResponse<String> none = send(https, get(API + "info"));
        assertProblem(none, 401, "log in first");
        assertEquals("Basic realm=\"FileDock\", charset=\"UTF-8\"", none.headers().firstValue("WWW-Authenticate").orElse(""));

        assertProblem(send(https, get(API + "info").header("Authorization", basic(USER, PASSWORD + "x"))),
                401, "invalid user or password");
        assertProblem(send(https, get(API + "info").header("Authorization", basic("nobody-" + USER, PASSWORD))),
                401, "invalid user or password");
        assertProblem(send(https, get(API + "info").header("Authorization", "Basic %%%")),
                401, "malformed Basic credentials");
        assertProblem(send(https, get(ORIGIN + "/filedock/%61pi/info")), 401, "log in first");
        assertProblem(send(https, get(ORIGIN + "/filedock/js/../api/info")), 401, "log in first");

        HttpResponse<String> good = send(https, get(API + "transfers?limit=1").header("Authorization", basic(USER, PASSWORD)));
        assertEquals(200, good.statusCode(), good.body());
        assertNoLiveSession(good);
    }

    @Test
    void theCallersNameAndRolesReachJaxRs() throws Exception {
        JsonObject user = json(send(https, get(API + "session").header("Authorization", basic(USER, PASSWORD))));
        assertEquals(USER, user.getString("user"));
        assertFalse(user.getBoolean("admin"));
        JsonObject admin = json(send(https, get(API + "session").header("Authorization", basic(ADMIN, ADMIN_PASSWORD))));
        assertEquals(ADMIN, admin.getString("user"));
        assertTrue(admin.getBoolean("admin"));

        // /api/info: the storage root (a path on the server's disk) for administrators only
        assertFalse(json(send(https, get(API + "info").header("Authorization", basic(USER, PASSWORD))))
                .containsKey("storageRoot"));
        assertTrue(json(send(https, get(API + "info").header("Authorization", basic(ADMIN, ADMIN_PASSWORD))))
                .getString("storageRoot").contains("storage"));
    }

    @Test
    void thePagesLoginStartsASecureSessionThatLaterRequestsUseUntilLogout() throws Exception {
        String cookie = login(USER, PASSWORD, null);

        HttpResponse<String> transfers = send(https, get(API + "transfers?limit=1").header("Cookie", cookie));
        assertEquals(200, transfers.statusCode(), transfers.body());
        JsonObject caller = json(send(https, get(API + "session").header("Cookie", cookie)));
        assertEquals(USER, caller.getString("user"));
        assertFalse(caller.getBoolean("admin"));

        String again = login(ADMIN, ADMIN_PASSWORD, cookie);
        assertNotEquals(cookie, again, "a login starts a session with a new id");
        assertProblem(send(https, get(API + "session").header("Cookie", cookie)), 401, "log in first");
        assertTrue(json(send(https, get(API + "session").header("Cookie", again))).getBoolean("admin"));

        HttpResponse<String> logout = send(https, request(API + "session").DELETE()
                .header("Cookie", again).header(PROOF, "FileDock").header("Origin", ORIGIN));
        assertEquals(204, logout.statusCode(), logout.body());
        HttpResponse<String> after = send(https, get(API + "session").header("Cookie", again).header(PROOF, "FileDock"));
        assertProblem(after, 401, "log in first");
        assertEquals("FileDock-Session realm=\"FileDock\", charset=\"UTF-8\"",
                after.headers().firstValue("WWW-Authenticate").orElse(""),
                "the page's requests get a challenge the browser does not answer with its own dialog");
    }

    @Test
    void aWrongPasswordStartsNoSession() throws Exception {
        HttpResponse<String> wrong = send(https, loginRequest(USER, "wrong-" + PASSWORD));
        assertProblem(wrong, 401, "invalid user or password");
        assertEquals("FileDock-Session realm=\"FileDock\", charset=\"UTF-8\"",
                wrong.headers().firstValue("WWW-Authenticate").orElse(""));
        assertNoLiveSession(wrong);
    }

    @Test
    void aStateChangingRequestWithoutSameOriginProofIsRefused() throws Exception {
        String cookie = login(USER, PASSWORD, null);

        assertProblem(send(https, request(API + "session").DELETE().header("Cookie", cookie)),
                403, "must carry the X-Requested-With header");
        assertProblem(send(https, request(API + "session").DELETE().header("Cookie", cookie)
                .header(PROOF, "FileDock").header("Origin", "https://attacker.example")), 403, "cross-site request refused");
        assertProblem(send(https, request(API + "session").DELETE().header("Cookie", cookie)
                .header(PROOF, "FileDock").header("Sec-Fetch-Site", "cross-site")), 403, "cross-site request refused");
        assertEquals(200, send(https, get(API + "session").header("Cookie", cookie)).statusCode(),
                "the refused requests changed nothing: the session lives");

        assertProblem(send(https, request(API + "session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(loginJson(USER, PASSWORD)))), 403, "must carry the X-Requested-With");
        assertProblem(send(https, loginRequest(USER, PASSWORD).header("Origin", "https://attacker.example")),
                403, "cross-site request refused");
    }

    @Test
    void thePageShowsTheLoginFormThenTheUserAndLogsOut() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(
                "--ignore-certificate-errors-spki-list=" + ServerCertificate.spkiSha256(certificate))) {
            browser.open(ORIGIN + "/filedock/history.html");
            browser.waitUntil("the login form is shown", d -> d.findElement(By.id("login")).isDisplayed());
            assertFalse(browser.driver().findElement(By.id("content")).isDisplayed());

            submitLogin(browser, USER, "wrong-" + PASSWORD);
            browser.waitUntil("a wrong password is reported",
                    d -> d.findElement(By.id("login-error")).getText().equals("Wrong user or password."));

            submitLogin(browser, USER, PASSWORD);
            browser.waitUntil("the user is shown", d -> d.findElement(By.id("account-user")).getText().equals(USER));
            browser.waitUntil("the figures poll with the session",
                    d -> d.findElement(By.id("status")).getText().startsWith("Live"));
            assertEquals("", browser.script("return document.cookie"), "the session cookie is out of the scripts' reach");
            browser.screenshot("web-auth-logged-in");

            browser.driver().findElement(By.id("logout")).click();
            browser.waitUntil("the login form is back", d -> d.findElement(By.id("login")).isDisplayed()
                    && d.findElement(By.id("login-error")).getText().equals("Logged out."));
            browser.driver().navigate().refresh();
            browser.waitUntil("the session is over", d -> d.findElement(By.id("login")).isDisplayed());
            browser.screenshot("web-auth-logged-out");
        }
    }

    private static void submitLogin(HeadlessChromium browser, String user, String password) {
        WebElement form = browser.driver().findElement(By.id("login-form"));
        WebElement userField = form.findElement(By.name("user"));
        userField.clear();
        userField.sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Logs in as the page does; returns the session cookie ({@code JSESSIONID=...}) after checking its attributes. */
    private static String login(String user, String password, String earlierCookie) throws Exception {
        HttpRequest.Builder request = loginRequest(user, password).header("Origin", ORIGIN);
        if (earlierCookie != null) {
            request.header("Cookie", earlierCookie);
        }
        HttpResponse<String> response = send(https, request);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(user, json(response).getString("user"));
        String setCookie = liveSessionCookie(response);
        assertTrue(setCookie != null, "a session cookie: " + response.headers().allValues("Set-Cookie"));
        List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
        assertTrue(attributes.contains("secure"), setCookie);
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpRequest.Builder loginRequest(String user, String password) {
        return request(API + "session").header(PROOF, "FileDock").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(loginJson(user, password)));
    }

    private static String loginJson(String user, String password) {
        return Json.createObjectBuilder().add("user", user).add("password", password).build().toString();
    }

    /** The JSESSIONID the response sets, unless it only deletes one (an expiry in the past). */
    private static String liveSessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=") && !c.contains("1970"))
                .findFirst().orElse(null);
    }

    private static void assertNoLiveSession(HttpResponse<String> response) {
        assertEquals(null, liveSessionCookie(response), "no session: " + response.headers().allValues("Set-Cookie"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(json(response).getString("detail").contains(detail), response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder get(String uri) {
        return request(uri).header("Accept", "application/json, text/html");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
