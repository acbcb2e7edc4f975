package io.ferry.rest.query;

import java.util.List;

import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.ResourceSchema;

/**
 * A collection GET's query parameters, parsed and checked.
 *
 * @param where      the filter (an empty {@link Condition.All} when there is none)
 * @param sort       sort keys, most significant first
 * @param page       1-based page number
 * @param maxResults page size
 * @param projection fields to keep or drop
 */
public record CollectionQuery(Condition where, List<SortKey> sort, int page, int maxResults, Projection projection) {

    public static final int DEFAULT_MAX_RESULTS = 25;

    /**
     * @param maxResultsLimit the largest page a client may ask for; larger requests are clamped to it
     */
    public static CollectionQuery parse(ResourceSchema schema, String where, String sort, String page, String maxResults,
            String projection, int maxResultsLimit) {
        return new CollectionQuery(
                where == null ? new Condition.All(List.of()) : WhereParser.parse(schema, where),
                sort == null ? List.of() : SortParser.parse(schema, sort),
                parsePage(page),
                parseMaxResults(maxResults, maxResultsLimit),
                Projection.parse(projection));
    }

    public long offset() {
        return (long) (page - 1) * maxResults;
    }

    /** Eve's leniency: a page that is not a positive number is page 1. */
    private static int parsePage(String page) {
        if (page == null) {
            return 1;
        }
        try {
            int value = Integer.parseInt(page.strip());
            return Math.max(value, 1);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int parseMaxResults(String maxResults, int limit) {
        if (maxResults == null || maxResults.isBlank()) {
            return Math.min(DEFAULT_MAX_RESULTS, limit);
        }
        try {
            int value = Integer.parseInt(maxResults.strip());
            return Math.max(1, Math.min(value, limit));
        } catch (NumberFormatException e) {
            throw EveException.badRequest("max_results must be a whole number.");
        }
    }
}
