package io.ferry.offload.schema;

import io.ferry.events.vocabulary.ProviderType;
import io.ferry.events.vocabulary.ValidateState;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code objectstores}: storage users register for their copies (the original API's Objectstore). Its access keys
 * are never part of it (they stay in a Kubernetes Secret that {@code s3provider.credentials_secret} names), and
 * {@code repo_password} is write-only: the hooks take it out of the document and keep only a salted hash of it
 * apart from the document, so no read, query or event ever carries it.
 */
public final class ObjectstoreSchema {

    public static final String PROVIDER_TYPE = "provider_type";
    public static final String S3PROVIDER = "s3provider";
    public static final String ENDPOINT = "endpoint";
    public static final String PATH_STYLE = "path_style";
    public static final String CREDENTIALS_SECRET = "credentials_secret";
    public static final String REPO_PASSWORD = "repo_password";
    public static final String BUCKET_NAME = "bucket_name";
    public static final String REGION = "region";
    public static final String PREFIX = "prefix";
    public static final String LOCKED = "locked";
    public static final String SKIP_TLS = "skip_tls_certificate_validation";
    public static final String PROXY_CLUSTER_LIST = "proxy_cluster_list";
    public static final String VALIDATE_STATE = "validate_state";
    public static final String VALIDATE_MESSAGE = "validate_message";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("objectstores", "Objectstore", "objectstore",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.dict("tags").allowUnknown(),
            Field.string(PROVIDER_TYPE).allowed(ProviderType.known().toArray()).defaultValue(ProviderType.AWS.wire())
                    .column(PROVIDER_TYPE, ColumnType.TEXT),
            Field.dict(S3PROVIDER,
                    Field.string(ENDPOINT).nullable(),
                    Field.bool(PATH_STYLE),
                    Field.string(CREDENTIALS_SECRET).nullable()).emptyMeansAbsent(),
            Field.string(REPO_PASSWORD).notEmpty().maxLength(1024),
            Field.string(BUCKET_NAME),
            Field.string(REGION),
            Field.string(PREFIX).maxLength(512),
            Field.bool(LOCKED).defaultValue(false),
            Field.bool("private").defaultValue(false),
            Field.bool(SKIP_TLS).defaultValue(false),
            Field.list(PROXY_CLUSTER_LIST, Field.objectId("cluster")),
            Field.string(VALIDATE_STATE).allowed(ValidateState.known().toArray()).serverManaged()
                    .column(VALIDATE_STATE, ColumnType.TEXT),
            Field.string(VALIDATE_MESSAGE).serverManaged());

    private ObjectstoreSchema() {
    }
}
