package io.ferry.progress.pvc;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;

/** One PVC update as stored: its natural key, its sequence and the document clients read. */
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
        doc.put("name", update.name());
        doc.put("namespace", update.namespace());
        doc.put("job_id", update.jobId());
        doc.put("state", update.state().wire());
        putIfPresent(doc, "message", update.message());
        putIfPresent(doc, "start_time", update.startTime());
        putIfPresent(doc, "end_time", update.endTime());
        putIfPresent(doc, "op_type", update.opType() == null ? null : update.opType().wire());
        putIfPresent(doc, "snapshot_progress_percentage", update.snapshotProgressPercentage());
        PvcStats stats = update.stats();
        if (stats != null) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("estimated_size", stats.estimatedSize());
            figures.put("estimated_number_of_files", stats.estimatedNumberOfFiles());
            figures.put("io_size", stats.ioSize());
            figures.put("io_number_of_files", stats.ioNumberOfFiles());
            figures.put("transferred_size", stats.transferredSize());
            figures.put("transferred_number_of_files", stats.transferredNumberOfFiles());
            doc.put("stats", figures);
        }
        return doc;
    }

    private static void putIfPresent(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
