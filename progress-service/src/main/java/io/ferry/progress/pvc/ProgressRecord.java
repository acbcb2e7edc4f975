package io.ferry.progress.pvc;

import static io.ferry.progress.schema.KubepvcprogressSchema.END_TIME;
import static io.ferry.progress.schema.KubepvcprogressSchema.JOB_ID;
import static io.ferry.progress.schema.KubepvcprogressSchema.MESSAGE;
import static io.ferry.progress.schema.KubepvcprogressSchema.NAME;
import static io.ferry.progress.schema.KubepvcprogressSchema.NAMESPACE;
import static io.ferry.progress.schema.KubepvcprogressSchema.OP_TYPE;
import static io.ferry.progress.schema.KubepvcprogressSchema.SNAPSHOT_PROGRESS_PERCENTAGE;
import static io.ferry.progress.schema.KubepvcprogressSchema.START_TIME;
import static io.ferry.progress.schema.KubepvcprogressSchema.STATE;
import static io.ferry.rest.schema.TransferStatsFields.ESTIMATED_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.ESTIMATED_SIZE;
import static io.ferry.rest.schema.TransferStatsFields.IO_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.IO_SIZE;
import static io.ferry.rest.schema.TransferStatsFields.STATS;
import static io.ferry.rest.schema.TransferStatsFields.TRANSFERRED_NUMBER_OF_FILES;
import static io.ferry.rest.schema.TransferStatsFields.TRANSFERRED_SIZE;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;

/** One PVC update as stored: its natural key, its sequence and the document clients read ({@code KubepvcprogressSchema}). */
record ProgressRecord(String orgId, PvcProgressUpdated update) {

    /** The PVC a record is about: newer sequences of the same key replace older ones. */
    record Key(String orgId, String jobId, String opType, String namespace, String name) {
    }

    Key key() {
        return new Key(orgId, update.jobId(), update.opType() == null ? "" : update.opType().wire(), update.namespace(), update.name());
    }

    /** The document in the seed's field names. */
    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(NAME, update.name());
        doc.put(NAMESPACE, update.namespace());
        doc.put(JOB_ID, update.jobId());
        doc.put(STATE, update.state().wire());
        putIfPresent(doc, MESSAGE, update.message());
        putIfPresent(doc, START_TIME, update.startTime());
        putIfPresent(doc, END_TIME, update.endTime());
        putIfPresent(doc, OP_TYPE, update.opType() == null ? null : update.opType().wire());
        putIfPresent(doc, SNAPSHOT_PROGRESS_PERCENTAGE, update.snapshotProgressPercentage());
        PvcStats stats = update.stats();
        if (stats != null) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(ESTIMATED_SIZE, stats.estimatedSize());
            figures.put(ESTIMATED_NUMBER_OF_FILES, stats.estimatedNumberOfFiles());
            figures.put(IO_SIZE, stats.ioSize());
            figures.put(IO_NUMBER_OF_FILES, stats.ioNumberOfFiles());
            figures.put(TRANSFERRED_SIZE, stats.transferredSize());
            figures.put(TRANSFERRED_NUMBER_OF_FILES, stats.transferredNumberOfFiles());
            doc.put(STATS, figures);
        }
        return doc;
    }

    private static void putIfPresent(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
