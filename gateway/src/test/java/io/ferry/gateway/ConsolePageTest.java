package io.ferry.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The console's bundle, built by the console module, is what the gateway answers at /. */
@QuarkusTest
@WithTestResource(DownstreamServices.class)
class ConsolePageTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(js|css))\"");

    @Test
    void theConsolePageIsServedAtTheRootWithAStrictContentSecurityPolicy() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<div id=\"app\"></div>"));
    }

    @Test
    void everyScriptAndStylesheetThePageNamesIsServed() {
        String page = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher assets = ASSET.matcher(page);
        int found = 0;
        while (assets.find()) {
            found++;
            String type = assets.group(2).equals("js") ? "text/javascript" : "text/css";
            given().when().get(assets.group(1)).then().statusCode(200).contentType(containsString(type));
        }
        assertThat(found).as("the page names its script and its stylesheet").isGreaterThanOrEqualTo(2);
    }
}
