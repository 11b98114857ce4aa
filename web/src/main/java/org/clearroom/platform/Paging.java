package org.clearroom.platform;

import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters every listing takes, read once: {@code order} (newest or oldest), {@code limit}
 * (1 to 100, 50 by default) and {@code cursor} (the previous page's {@code next}). (No OpenAPI
 * {@code @Parameter} on the fields: Payara's OpenAPI generator fails on them outside a resource
 * method; each listing method declares the three instead.)
 */
public class Paging {

    public static final int PAGE = 50;

    public static final int MAX_PAGE = 100;

    /** The parameters' descriptions, for each listing's {@code @Parameter} annotations. */
    public static final String ORDER = "newest or oldest first";

    public static final String LIMIT = "page size, 1 to 100 (50; 20 for search)";

    public static final String CURSOR = "the previous page's next; absent for the first page";

    /** A checked paging request. */
    public record Request(boolean newestFirst, int limit, String cursor) {}

    @QueryParam("order")
    String order;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    /** Checks every parameter, reporting all problems at once. */
    public Request read(boolean newestByDefault) {
        return read(newestByDefault, PAGE);
    }

    public Request read(boolean newestByDefault, int defaultLimit) {
        var parameters = new QueryParameters();
        var request = read(parameters, newestByDefault, defaultLimit);
        parameters.check();
        return request;
    }

    /**
     * For a listing in an order of its own (search: by relevance), where {@code order} would change
     * nothing: naming it is a problem, not silently ignored.
     */
    public Request readRanked(QueryParameters parameters, int defaultLimit) {
        if (order != null) {
            parameters.add("order", "does not apply: results are ranked by relevance");
        }
        return new Request(true, parameters.limit(limit, defaultLimit, MAX_PAGE), cursor);
    }

    /** Adds its problems to those of the listing's other parameters; the caller checks them all. */
    public Request read(QueryParameters parameters, boolean newestByDefault, int defaultLimit) {
        boolean newest = parameters.newestFirst(order, newestByDefault);
        int size = parameters.limit(limit, defaultLimit, MAX_PAGE);
        return new Request(newest, size, cursor);
    }
}
