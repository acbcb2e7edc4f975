package io.ferry.job.backupinstance;

import static io.ferry.job.schema.BackupinstanceSchema.ALL_NAMESPACES;
import static io.ferry.job.schema.BackupinstanceSchema.BACKUPDEF;
import static io.ferry.job.schema.BackupinstanceSchema.BACKUPDEF_NAME;
import static io.ferry.job.schema.BackupinstanceSchema.BACKUP_JOB_ID;
import static io.ferry.job.schema.BackupinstanceSchema.BACKUP_SELECTION;
import static io.ferry.job.schema.BackupinstanceSchema.BACKUP_STORAGE_SIZE;
import static io.ferry.job.schema.BackupinstanceSchema.CLUSTER;
import static io.ferry.job.schema.BackupinstanceSchema.CLUSTER_NAME;
import static io.ferry.job.schema.BackupinstanceSchema.DELETED;
import static io.ferry.job.schema.BackupinstanceSchema.END_TIME;
import static io.ferry.job.schema.BackupinstanceSchema.EXPIRY_TIME;
import static io.ferry.job.schema.BackupinstanceSchema.LABEL_SELECTOR;
import static io.ferry.job.schema.BackupinstanceSchema.LOCKED;
import static io.ferry.job.schema.BackupinstanceSchema.MESSAGE;
import static io.ferry.job.schema.BackupinstanceSchema.NAME;
import static io.ferry.job.schema.BackupinstanceSchema.NAMESPACES;
import static io.ferry.job.schema.BackupinstanceSchema.OBJECTSTORE;
import static io.ferry.job.schema.BackupinstanceSchema.OFFLOAD_DEF;
import static io.ferry.job.schema.BackupinstanceSchema.PV_COUNT;
import static io.ferry.job.schema.BackupinstanceSchema.RETAIN_DAYS;
import static io.ferry.job.schema.BackupinstanceSchema.RETENTION;
import static io.ferry.job.schema.BackupinstanceSchema.SOURCE_TYPE;
import static io.ferry.job.schema.BackupinstanceSchema.START_TIME;
import static io.ferry.job.schema.BackupinstanceSchema.STATE;
import static io.ferry.job.schema.BackupinstanceSchema.STATUS;
import static io.ferry.job.schema.BackupinstanceSchema.TOTAL_COPY_DATA;
import static io.ferry.job.schema.BackupinstanceSchema.TYPE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.job.PvcSelection;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.job.lifecycle.DefinitionRef;

/**
 * A {@link BackupInstance} to and from its stored document ({@code BackupinstanceSchema}), field by field; a field it
 * does not have (null) is left out. Every backupinstance is of a Kubernetes cluster ({@code source_type}); {@code
 * expiry_time} follows from its end time and retainDays; {@code status.deleted} stays false: a deleted one is removed.
 */
public final class BackupInstanceMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BackupInstanceMapper() {
    }

    public static ObjectNode toDocument(BackupInstance instance) {
        ObjectNode doc = NODES.objectNode();
        doc.put(NAME, instance.name());
        doc.put(TYPE, instance.type().name());
        doc.put(STATE, instance.state().name());
        doc.put(SOURCE_TYPE, "kubernetes");
        doc.put(CLUSTER, instance.cluster().id());
        putIfPresent(doc, CLUSTER_NAME, instance.cluster().name());
        doc.put(BACKUPDEF, instance.backupdef().id());
        putIfPresent(doc, BACKUPDEF_NAME, instance.backupdef().name());
        putIfPresent(doc, OFFLOAD_DEF, instance.offloadDef());
        putIfPresent(doc, OBJECTSTORE, instance.objectstore());
        doc.put(BACKUP_JOB_ID, instance.backupJobId());
        if (instance.startTime() != null) {
            doc.put(START_TIME, instance.startTime().getEpochSecond());
        }
        if (instance.endTime() != null) {
            doc.put(END_TIME, instance.endTime().getEpochSecond());
        }
        if (instance.retainDays() != null) {
            doc.putObject(RETENTION).put(RETAIN_DAYS, instance.retainDays());
        }
        instance.expiry().ifPresent(expiry -> doc.put(EXPIRY_TIME, expiry.getEpochSecond()));
        if (instance.selection() != null) {
            ObjectNode selection = doc.putObject(BACKUP_SELECTION).put(ALL_NAMESPACES, instance.selection().allNamespaces());
            instance.selection().namespaces().forEach(selection.putArray(NAMESPACES)::add);
            ObjectNode labels = selection.putObject(LABEL_SELECTOR);
            instance.selection().labelSelector().forEach(labels::put);
        }
        if (instance.pvCount() != null) {
            doc.put(PV_COUNT, instance.pvCount());
        }
        if (instance.totalCopyData() != null) {
            doc.put(TOTAL_COPY_DATA, instance.totalCopyData());
        }
        if (instance.backupStorageSize() != null) {
            doc.put(BACKUP_STORAGE_SIZE, instance.backupStorageSize());
        }
        putIfPresent(doc, MESSAGE, instance.message());
        doc.putObject(STATUS).put(DELETED, false).put(LOCKED, instance.locked());
        return doc;
    }

    public static BackupInstance toInstance(ObjectNode doc) {
        return new BackupInstance(text(doc, NAME), BackupInstanceType.parse(text(doc, TYPE)), BackupInstanceState.parse(text(doc, STATE)),
                new DefinitionRef(text(doc, CLUSTER), text(doc, CLUSTER_NAME)), new DefinitionRef(text(doc, BACKUPDEF), text(doc, BACKUPDEF_NAME)),
                text(doc, OFFLOAD_DEF), text(doc, OBJECTSTORE), text(doc, BACKUP_JOB_ID), time(doc, START_TIME), time(doc, END_TIME),
                doc.path(RETENTION).hasNonNull(RETAIN_DAYS) ? doc.path(RETENTION).get(RETAIN_DAYS).asInt() : null,
                selection(doc.path(BACKUP_SELECTION)),
                doc.hasNonNull(PV_COUNT) ? doc.get(PV_COUNT).asInt() : null,
                doc.hasNonNull(TOTAL_COPY_DATA) ? doc.get(TOTAL_COPY_DATA).asLong() : null,
                doc.hasNonNull(BACKUP_STORAGE_SIZE) ? doc.get(BACKUP_STORAGE_SIZE).asLong() : null,
                text(doc, MESSAGE), doc.path(STATUS).path(LOCKED).asBoolean(false));
    }

    private static PvcSelection selection(JsonNode selection) {
        if (!selection.isObject()) {
            return null;
        }
        List<String> namespaces = new ArrayList<>();
        selection.path(NAMESPACES).forEach(namespace -> namespaces.add(namespace.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        selection.path(LABEL_SELECTOR).fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return new PvcSelection(selection.path(ALL_NAMESPACES).asBoolean(), namespaces, labels);
    }

    private static String text(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }

    private static Instant time(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? Instant.ofEpochSecond(doc.get(field).asLong()) : null;
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
