package io.ferry.system;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ferry.runner.LocalFerry;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests to a running Ferry through its gateway, as an admin of one organisation. */
final class FerryApi {

    private final LocalFerry ferry;
    private final String token;

    FerryApi(LocalFerry ferry, String org) {
        this.ferry = ferry;
        this.token = ferry.adminToken(org, Duration.ofHours(2));
    }

    RequestSpecification request() {
        return given().baseUri(ferry.gatewayUrl()).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** Creates a document and returns its id; fails unless the answer is 201. */
    String create(String resource, String json) {
        return request().body(json).post("/api/v1/" + resource).then().statusCode(201).extract().path("_id");
    }

    JsonPath get(String path) {
        Response response = request().get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath();
    }

    /** Every document of a collection that matches {@code where} (up to 500). */
    List<Map<String, Object>> items(String resource, String where) {
        return request().queryParam("where", where).queryParam("max_results", 500).get("/api/v1/" + resource)
                .then().statusCode(200).extract().jsonPath().getList("_items");
    }
}
