package io.ferry.rest.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DatabaseReadinessTest {

    @Test
    void readinessProbesTheDatabaseThroughABorrowedConnectionInsteadOfQuarkusOwnCheck() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Database connection' }.status", equalTo("UP"))
                .body("checks.name", not(hasItem("Reactive PostgreSQL connections health check")));
    }
}
