package io.ferry.offload.kubeoffload;

import static io.ferry.offload.Definitions.OFFLOADS;
import static io.ferry.offload.Definitions.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.offload.Definitions;
import io.ferry.rest.ObjectIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A kubeoffload's offload_provider: the agent's default, a user's objectstore, or provider-managed storage. */
@QuarkusTest
class OffloadProviderTest {

    private String org;
    private String backup;

    @BeforeEach
    void backup() {
        org = "org-" + UUID.randomUUID();
        backup = Definitions.adhocBackup(org, Definitions.cluster(org));
    }

    @Test
    void absentEmptyAnObjectstoreOfTheOrganisationOrProviderStorageAreAccepted() {
        post("").statusCode(201).body("$", not(hasKey("offload_provider")));
        post(",\"offload_provider\":{}").statusCode(201).body("$", not(hasKey("offload_provider")));
        String store = Definitions.objectstore(org);
        post(",\"offload_provider\":{\"user_objectstore\":\"" + store + "\"}").statusCode(201)
                .body("offload_provider.user_objectstore", equalTo(store));
        post(",\"offload_provider\":{\"type\":\"aws\",\"region\":\"us-gov-west-1\"}").statusCode(201);
        post(",\"offload_provider\":{\"type\":\"azure\",\"region\":\"westeurope\"}").statusCode(201);
    }

    @Test
    void anUnknownOrForeignObjectstoreIsRefused() {
        String missing = ObjectIds.next();
        post(",\"offload_provider\":{\"user_objectstore\":\"" + missing + "\"}").statusCode(422)
                .body("_issues.offload_provider.user_objectstore", equalTo("unknown objectstore '" + missing + "'"));
        String foreign = Definitions.objectstore("other-" + org);
        post(",\"offload_provider\":{\"user_objectstore\":\"" + foreign + "\"}").statusCode(422)
                .body("_issues.offload_provider.user_objectstore", equalTo("unknown objectstore '" + foreign + "'"));
        post(",\"offload_provider\":{\"user_objectstore\":\"not-an-id\"}").statusCode(422)
                .body("_issues.offload_provider.user_objectstore", equalTo("must be of objectid type"));

        String offload = post("").statusCode(201).extract().path("_id");
        as(org).header("If-Match", Definitions.etag(org, OFFLOADS + "/" + offload))
                .body("{\"offload_provider\":{\"user_objectstore\":\"" + foreign + "\"}}").patch(OFFLOADS + "/" + offload)
                .then().statusCode(422).body("_issues.offload_provider.user_objectstore", containsString("unknown objectstore"));
        as(org).get(OFFLOADS + "/" + offload).then().body("$", not(hasKey("offload_provider")));
    }

    @Test
    void providerStorageNeedsAKnownTypeAWellFormedRegionAndNoObjectstore() {
        post(",\"offload_provider\":{\"type\":\"gcp\",\"region\":\"us-east-1\"}").statusCode(422)
                .body("_issues.offload_provider.type", equalTo("unallowed value gcp"));
        post(",\"offload_provider\":{\"type\":\"aws\",\"region\":\"useast1\"}").statusCode(422)
                .body("_issues.offload_provider.region", containsString("malformed region 'useast1'"));
        post(",\"offload_provider\":{\"type\":\"azure\",\"region\":\"west-europe-1\"}").statusCode(422)
                .body("_issues.offload_provider.region", containsString("an Azure region"));
        String store = Definitions.objectstore(org);
        post(",\"offload_provider\":{\"user_objectstore\":\"" + store + "\",\"type\":\"aws\",\"region\":\"us-east-1\"}")
                .statusCode(422).body("_issues.offload_provider.user_objectstore", containsString("not both"));
    }

    private ValidatableResponse post(String providerPart) {
        return as(org).body("{\"name\":\"copy\",\"trigger_type\":\"ADHOC\",\"backupdef\":\"" + backup + "\"" + providerPart + "}")
                .post(OFFLOADS).then();
    }
}
