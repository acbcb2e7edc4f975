package io.ferry.job.lifecycle;

import static io.ferry.job.schema.JobSchema.ACTIVE_PVS;
import static io.ferry.job.schema.JobSchema.ACTIVITY;
import static io.ferry.job.schema.JobSchema.BACKUPDEF;
import static io.ferry.job.schema.JobSchema.BACKUP_INST;
import static io.ferry.job.schema.JobSchema.BACKUPDEF_NAME;
import static io.ferry.job.schema.JobSchema.CLUSTER;
import static io.ferry.job.schema.JobSchema.CLUSTER_NAME;
import static io.ferry.job.schema.JobSchema.COMPLETED_PVS;
import static io.ferry.job.schema.JobSchema.COPYDEF;
import static io.ferry.job.schema.JobSchema.COPYDEF_NAME;
import static io.ferry.job.schema.JobSchema.COPY_PROGRESS;
import static io.ferry.job.schema.JobSchema.DISPLAY_NAME;
import static io.ferry.job.schema.JobSchema.DISPLAY_TYPE;
import static io.ferry.job.schema.JobSchema.END_TIME;
import static io.ferry.job.schema.JobSchema.FAILED_PVS;
import static io.ferry.job.schema.JobSchema.MESSAGE;
import static io.ferry.job.schema.JobSchema.NAME;
import static io.ferry.job.schema.JobSchema.NUM_BACKUP_RESOURCES;
import static io.ferry.job.schema.JobSchema.NUM_TOTAL_RESOURCES;
import static io.ferry.job.schema.JobSchema.PENDING_PVS;
import static io.ferry.job.schema.JobSchema.PHASE;
import static io.ferry.job.schema.JobSchema.RESTOREDEF;
import static io.ferry.job.schema.JobSchema.RESTOREDEF_NAME;
import static io.ferry.job.schema.JobSchema.RETAIN_DAYS;
import static io.ferry.job.schema.JobSchema.RETENTION;
import static io.ferry.job.schema.JobSchema.RUN_BACKUP;
import static io.ferry.job.schema.JobSchema.SKIPPED_PVS;
import static io.ferry.job.schema.JobSchema.SNAPSHOT_PROGRESS;
import static io.ferry.job.schema.JobSchema.START_TIME;
import static io.ferry.job.schema.JobSchema.STATE;
import static io.ferry.job.schema.JobSchema.TOTAL_PVS;
import static io.ferry.job.schema.JobSchema.TRIGGER;
import static io.ferry.job.schema.JobSchema.TYPE;
import static io.ferry.rest.schema.TransferStatsFields.ESTIMATED_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.ESTIMATED_SIZE;
import static io.ferry.rest.schema.TransferStatsFields.IO_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.IO_SIZE;
import static io.ferry.rest.schema.TransferStatsFields.STATS;
import static io.ferry.rest.schema.TransferStatsFields.TRANSFERRED_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.TRANSFERRED_SIZE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.progress.CopyProgress;
import io.ferry.job.progress.PvcCounts;
import io.ferry.job.progress.PvcProgress;
import io.ferry.job.progress.SnapshotProgress;
import io.ferry.job.progress.TransferStats;

/**
 * A {@link Job} to and from its stored document ({@code JobSchema}), field by field. A field the job does not have
 * (null) is left out of the document, except the ones every job's document has. {@code display_type} is the job's
 * type. A document without a state or type reads as UNKNOWN.
 */
public final class JobMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JobMapper() {
    }

    public static Job toJob(ObjectNode doc) {
        JobState state = JobState.parse(text(doc, STATE));
        JobType type = JobType.parse(text(doc, TYPE));
        return new Job(
                text(doc, NAME),
                type == null ? JobType.UNKNOWN : type,
                text(doc, DISPLAY_NAME),
                TriggerType.parse(text(doc, TRIGGER)),
                new DefinitionRef(text(doc, CLUSTER), text(doc, CLUSTER_NAME)),
                new DefinitionRef(text(doc, BACKUPDEF), text(doc, BACKUPDEF_NAME)),
                doc.hasNonNull(COPYDEF) ? new DefinitionRef(text(doc, COPYDEF), text(doc, COPYDEF_NAME)) : null,
                doc.hasNonNull(BACKUP_INST) || doc.hasNonNull(RESTOREDEF) ? new BackupInstanceRef(doc.hasNonNull(RESTOREDEF)
                        ? new DefinitionRef(text(doc, RESTOREDEF), text(doc, RESTOREDEF_NAME)) : null, text(doc, BACKUP_INST)) : null,
                integer(doc.path(RETENTION), RETAIN_DAYS),
                doc.hasNonNull(RUN_BACKUP) ? doc.get(RUN_BACKUP).asBoolean() : null,
                time(doc, START_TIME),
                new JobStatus(
                        state == null ? JobState.UNKNOWN : state,
                        text(doc, MESSAGE),
                        Phase.parse(text(doc, PHASE)),
                        time(doc, END_TIME),
                        lines(doc.path(ACTIVITY)),
                        integer(doc, NUM_TOTAL_RESOURCES),
                        integer(doc, NUM_BACKUP_RESOURCES)),
                new PvcProgress(copyProgress(doc.path(COPY_PROGRESS)), snapshotProgress(doc.path(SNAPSHOT_PROGRESS))));
    }

    public static ObjectNode toDocument(Job job) {
        JobStatus status = job.status();
        ObjectNode doc = NODES.objectNode();
        doc.put(NAME, job.name());
        doc.put(TYPE, job.type().name());
        doc.put(DISPLAY_TYPE, job.type().name());
        doc.put(DISPLAY_NAME, job.displayName());
        doc.put(STATE, status.state().name());
        doc.put(MESSAGE, status.message());
        doc.put(TRIGGER, job.trigger() == null ? null : job.trigger().name());
        if (status.phase() != null) {
            doc.put(PHASE, status.phase().name());
        }
        doc.put(CLUSTER, job.cluster().id());
        putIfPresent(doc, CLUSTER_NAME, job.cluster().name());
        doc.put(BACKUPDEF, job.backupdef().id());
        putIfPresent(doc, BACKUPDEF_NAME, job.backupdef().name());
        if (job.copydef() != null) {
            doc.put(COPYDEF, job.copydef().id());
            putIfPresent(doc, COPYDEF_NAME, job.copydef().name());
        }
        if (job.backupInstance() != null) {
            if (job.backupInstance().restoredef() != null) {
                doc.put(RESTOREDEF, job.backupInstance().restoredef().id());
                putIfPresent(doc, RESTOREDEF_NAME, job.backupInstance().restoredef().name());
            }
            putIfPresent(doc, BACKUP_INST, job.backupInstance().backupInstanceId());
        }
        if (job.runBackup() != null) {
            doc.put(RUN_BACKUP, job.runBackup());
        }
        if (job.retainDays() != null) {
            doc.putObject(RETENTION).put(RETAIN_DAYS, job.retainDays());
        }
        if (job.startTime() != null) {
            doc.put(START_TIME, job.startTime().getEpochSecond());
        }
        if (status.endTime() != null) {
            doc.put(END_TIME, status.endTime().getEpochSecond());
        }
        ArrayNode activity = doc.putArray(ACTIVITY);
        status.activity().forEach(activity::add);
        putIfPresent(doc, NUM_TOTAL_RESOURCES, status.numTotalResources());
        putIfPresent(doc, NUM_BACKUP_RESOURCES, status.numBackupResources());
        CopyProgress copy = job.progress().copy();
        if (copy != null) {
            ObjectNode copied = counts(doc.putObject(COPY_PROGRESS), copy.pvcs());
            TransferStats stats = copy.stats();
            copied.putObject(STATS)
                    .put(ESTIMATED_SIZE, stats.estimatedSize())
                    .put(ESTIMATED_NUMBER_OF_FILES, stats.estimatedNumberOfFiles())
                    .put(IO_SIZE, stats.ioSize())
                    .put(IO_NUMBER_OF_FILES, stats.ioNumberOfFiles())
                    .put(TRANSFERRED_SIZE, stats.transferredSize())
                    .put(TRANSFERRED_NUMBER_OF_FILES, stats.transferredNumberOfFiles());
        }
        SnapshotProgress snapshot = job.progress().snapshot();
        if (snapshot != null) {
            counts(doc.putObject(SNAPSHOT_PROGRESS), snapshot.pvcs()).put(SKIPPED_PVS, snapshot.skipped());
        }
        return doc;
    }

    private static CopyProgress copyProgress(JsonNode copy) {
        if (!copy.isObject()) {
            return null;
        }
        JsonNode stats = copy.path(STATS);
        return new CopyProgress(counts(copy), new TransferStats(
                number(stats, ESTIMATED_SIZE), number(stats, ESTIMATED_NUMBER_OF_FILES),
                number(stats, IO_SIZE), number(stats, IO_NUMBER_OF_FILES),
                number(stats, TRANSFERRED_SIZE), number(stats, TRANSFERRED_NUMBER_OF_FILES)));
    }

    private static SnapshotProgress snapshotProgress(JsonNode snapshot) {
        return snapshot.isObject() ? new SnapshotProgress(counts(snapshot), snapshot.path(SKIPPED_PVS).asInt()) : null;
    }

    private static PvcCounts counts(JsonNode progress) {
        return new PvcCounts(progress.path(TOTAL_PVS).asInt(), progress.path(PENDING_PVS).asInt(), progress.path(ACTIVE_PVS).asInt(),
                progress.path(COMPLETED_PVS).asInt(), progress.path(FAILED_PVS).asInt());
    }

    private static ObjectNode counts(ObjectNode progress, PvcCounts pvcs) {
        return progress.put(TOTAL_PVS, pvcs.total())
                .put(PENDING_PVS, pvcs.pending())
                .put(ACTIVE_PVS, pvcs.active())
                .put(COMPLETED_PVS, pvcs.completed())
                .put(FAILED_PVS, pvcs.failed());
    }

    private static String text(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }

    private static Integer integer(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? doc.get(field).asInt() : null;
    }

    private static long number(JsonNode doc, String field) {
        return doc.path(field).asLong();
    }

    private static Instant time(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? Instant.ofEpochSecond(doc.get(field).asLong()) : null;
    }

    private static List<String> lines(JsonNode activity) {
        List<String> lines = new ArrayList<>();
        activity.forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode doc, String field, Integer value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
