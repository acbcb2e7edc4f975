package io.ferry.rest.sample;

import static io.restassured.RestAssured.given;

import io.ferry.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests to the sample resource as a given organisation's admin. */
public final class Samples {

    public static final String PATH = "/api/v1/samples";

    private Samples() {
    }

    public static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON);
    }

    /** Creates a sample and returns the POST response (201 expected). */
    public static Response create(String org, String json) {
        Response response = as(org).body(json).post(PATH);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + json + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    public static String createId(String org, String json) {
        return create(org, json).path("_id");
    }
}
