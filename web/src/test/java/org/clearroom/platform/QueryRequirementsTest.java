package org.clearroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearroom.forums.RoomThreadsResource;
import org.clearroom.forums.SearchResource;
import org.clearroom.rooms.RoomsResource;
import org.junit.jupiter.api.Test;

class QueryRequirementsTest {

    @Test
    void anOperationReadsTheQueryParametersOfItsMethodAndOfItsBeanParameters() throws Exception {
        var threads = RoomThreadsResource.class.getMethod("threads", String.class, Paging.class);
        assertThat(QueryRequirements.parametersOf(threads)).containsExactly("cursor", "limit", "order");

        var list = RoomsResource.class.getMethod("list", String.class);
        assertThat(QueryRequirements.parametersOf(list)).containsExactly("scope");

        var get = RoomsResource.class.getMethod("get", String.class);
        assertThat(QueryRequirements.parametersOf(get)).isEmpty();
    }

    @Test
    void searchReadsItsQueryAndPaging() {
        var search = java.util.Arrays.stream(SearchResource.class.getMethods())
                .filter(m -> m.getName().equals("search"))
                .findFirst()
                .orElseThrow();
        assertThat(QueryRequirements.parametersOf(search)).contains("q", "limit", "cursor");
    }
}
