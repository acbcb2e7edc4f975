package io.ferry.offload;

import static io.restassured.RestAssured.given;

import io.ferry.rest.ObjectIds;
import io.ferry.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Creates definitions through the API as an organisation's admin. */
public final class Definitions {

    public static final String CLUSTERS = "/api/v1/kubeclusters";
    public static final String BACKUPS = "/api/v1/kubebackups";
    public static final String OFFLOADS = "/api/v1/kubeoffloads";
    public static final String OBJECTSTORES = "/api/v1/objectstores";
    /** A policy id; offload-service does not own policies and keeps only the reference. */
    public static final String POLICY = ObjectIds.next();

    private Definitions() {
    }

    public static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(org)).contentType(ContentType.JSON);
    }

    public static String cluster(String org) {
        return created(as(org).body("{\"name\":\"cluster\"}").post(CLUSTERS));
    }

    public static String adhocBackup(String org, String clusterId) {
        return created(as(org).body("{\"name\":\"backup\",\"cluster\":\"" + clusterId + "\",\"trigger_type\":\"ADHOC\"}")
                .post(BACKUPS));
    }

    public static String adhocOffload(String org, String backupId) {
        return created(as(org).body("{\"name\":\"offload\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backupId + "\"}")
                .post(OFFLOADS));
    }

    /** An AWS objectstore with a bucket and nothing else. */
    public static String objectstore(String org) {
        return created(as(org).body("{\"name\":\"store\",\"bucket_name\":\"ferry-copies\",\"region\":\"eu-central-1\"}")
                .post(OBJECTSTORES));
    }

    public static String etag(String org, String path) {
        return as(org).get(path).path("_etag");
    }

    private static String created(Response response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("Expected 201, got " + response.statusCode() + ": " + response.asString());
        }
        return response.path("_id");
    }
}
