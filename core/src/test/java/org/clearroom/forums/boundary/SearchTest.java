package org.clearroom.forums.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTest {

    @Test
    void snippetEscapesEverythingButTheMarks() {
        assertThat(Search.snippet("a \u0002match\u0003 <b onclick=x>&\"'"))
                .isEqualTo("a <mark>match</mark> &lt;b onclick=x&gt;&amp;&quot;&#39;");
    }

    @Test
    void snippetDecodesReferencesOfTheSanitisedHtmlBeforeEscapingOnce() {
        assertThat(Search.snippet("ask &#64;rita &amp; &#x3C;script&#x3E; &lt;b&gt;"))
                .isEqualTo("ask @rita &amp; &lt;script&gt; &lt;b&gt;");
    }

    @Test
    void aReferenceCannotForgeAMark() {
        assertThat(Search.snippet("&#2;x&#3;")).doesNotContain("<mark>").contains("\uFFFD");
    }

    @Test
    void aQueryBecomesADollarQuotedConstantThatNothingInItCanEnd() {
        assertThat(Search.literal("it's")).matches("\\$q[0-9a-f]+\\$it's\\$q[0-9a-f]+\\$");
        var tricky = "x$q$ '); drop table forum_post; --";
        var quoted = Search.literal(tricky);
        var tag = quoted.substring(0, quoted.indexOf('$', 1) + 1);
        assertThat(quoted).isEqualTo(tag + tricky + tag);
        assertThat(tricky).doesNotContain(tag);
    }
}
