package io.ferry.rest.schema;

/**
 * The seed's {@code stats} of a PVC's data transfer, in bytes and files: the same dict in a PVC progress record
 * ({@code kubepvcprogress}) and in a job's copy progress ({@code jobs}), so both schemas declare it from here.
 */
public final class TransferStatsFields {

    public static final String STATS = "stats";
    public static final String ESTIMATED_SIZE = "estimated_size";
    public static final String ESTIMATED_NUMBER_OF_FILES = "estimated_number_of_files";
    public static final String IO_SIZE = "io_size";
    public static final String IO_NUMBER_OF_FILES = "io_number_of_files";
    public static final String TRANSFERRED_SIZE = "transferred_size";
    public static final String TRANSFERRED_NUMBER_OF_FILES = "transferred_number_of_files";

    private TransferStatsFields() {
    }

    /** The {@code stats} dict. */
    public static Field stats() {
        return Field.dict(STATS,
                Field.integer(ESTIMATED_SIZE), Field.integer(ESTIMATED_NUMBER_OF_FILES),
                Field.integer(IO_SIZE), Field.integer(IO_NUMBER_OF_FILES),
                Field.integer(TRANSFERRED_SIZE), Field.integer(TRANSFERRED_NUMBER_OF_FILES));
    }
}
