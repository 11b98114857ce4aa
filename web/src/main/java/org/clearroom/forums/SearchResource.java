package org.clearroom.forums;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clearroom.forums.boundary.Search;
import org.clearroom.identity.Caller;
import org.clearroom.platform.Page;
import org.clearroom.platform.Paging;
import org.clearroom.platform.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "forums")
public class SearchResource {

    @Inject
    Search search;

    @Inject
    Caller caller;

    @GET
    @Operation(
            summary = "Full-text search over what the caller may VIEW now",
            description =
                    "q: 1-200 characters (words, \"a phrase\", -excluded, or). Ranked; snippets are escaped HTML with <mark> around matches.")
    @APIResponse(
            responseCode = "503",
            description = "the search ran longer than 5 s and was stopped; search rarer words")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = Paging.LIMIT)
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = Paging.CURSOR)
    public Page<SearchHit> search(@QueryParam("q") String q, @BeanParam Paging paging) {
        var actor = caller.actor();
        var parameters = new QueryParameters();
        var words = parameters.text("q", q, Search.MAX_QUERY, true);
        var page = paging.readRanked(parameters, 20);
        parameters.check();
        return search.search(actor, words, page.limit(), page.cursor());
    }
}
