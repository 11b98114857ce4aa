package org.clearroom.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearroom.platform.control.InvalidInput;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a post body written in Markdown into HTML that is safe to insert into any page, and finds
 * who it mentions.
 *
 * <p>Rendering happens once, on the server, so that every client (browser, mobile, e-mail digest)
 * shows the same HTML and none of them has to be trusted to sanitise it. CommonMark does the
 * layout; raw HTML in the body is deliberately passed through so that harmless inline markup
 * ({@code <kbd>}, {@code <sub>}, {@code <details>}) keeps working, and the OWASP allow-list then
 * removes everything that is not on it. The renderer's own URL check is only a first line of
 * defence: the allow-list is what guarantees the output.
 *
 * <p>Bodies are already capped in length by the caller, but a short body can still nest deeply
 * ("Markdown bombs" such as thousands of {@code >}). The renderer recurses once per level, so the
 * parsed tree is measured without recursion and rejected beyond {@value #MAX_DEPTH} levels before
 * the renderer sees it. Raw HTML is not part of that tree; the sanitiser streams it and keeps at
 * most 256 open elements, dropping whatever lies deeper.
 *
 * <p>Thread-safe and stateless: the parser, renderer and policy are built once and shared.
 */
@ApplicationScoped
public class Markdown {

    /**
     * Most levels of quotes, lists, emphasis and links nested in one another (see {@link #levelOf}); the
     * document itself is level 0.
     */
    static final int MAX_DEPTH = 32;

    static final int MAX_MENTIONS = 50;

    /*
     * The parser stops opening blocks and nesting inlines at this level and treats the rest as
     * text. It sits well above MAX_DEPTH (a list level opens two block parsers, list and item) so authors get the clear "flatten it" error instead of
     * silently literal markup, while still bounding what the parser and its post-processors
     * (which walk the tree recursively) ever see.
     */
    private static final int PARSER_NESTING_LIMIT = 128;

    /*
     * The @ must not follow a letter or digit, so e-mail addresses are not mentions. The name
     * must not run on past 64 characters: a longer run is not a username, and mentioning its
     * prefix would notify the wrong person.
     */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}])@([a-z0-9][a-z0-9._-]{1,63})(?![a-z0-9._-])", Pattern.CASE_INSENSITIVE);

    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+-]{1,32}");

    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");

    /*
     * CommonMark's URL check empties a refused destination rather than dropping the link; an empty
     * href would point at the page itself, so the anchor goes and only its text stays.
     */
    private static final Predicate<String> NOT_BLANK = value -> !value.isBlank();

    /**
     * Most columns a table may have, as md4c caps them: a body row is padded to the header's width, so
     * without a cap a short row could stand for any number of cells.
     */
    static final int MAX_TABLE_COLUMNS = 128;

    /** Most cells one table may have, counted by the parser as it builds them (it stops beyond). */
    static final int MAX_TABLE_CELLS = 2_048;

    /**
     * Longest rendered HTML, in characters: ten times the longest body, so the output is bounded linearly
     * in the input whatever the input does. Rendering stops as soon as it is passed.
     */
    static final int MAX_HTML = 10 * org.clearroom.forums.NewPost.MAX_BODY;

    private final List<Extension> extensions =
            List.of(TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build(), AutolinkExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(extensions)
            .maxOpenBlockParsers(PARSER_NESTING_LIMIT)
            .maxInlineNesting(PARSER_NESTING_LIMIT)
            .build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(extensions)
            // raw HTML goes on to the allow-list below instead of being shown as escaped text
            .escapeHtml(false)
            .sanitizeUrls(true)
            // the default also lets data: through
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br")
            .allowElements("ul", "ol", "li", "pre", "code")
            .allowElements("em", "strong", "del", "s", "sub", "sup", "kbd")
            .allowElements("table", "thead", "tbody", "tr", "th", "td")
            .allowElements("details", "summary", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .matching(NOT_BLANK)
            .onElements("a")
            .allowAttributes("title")
            .onElements("a")
            .allowAttributes("start")
            .matching(LIST_START)
            .onElements("ol")
            .allowAttributes("align")
            .matching(true, "left", "center", "right")
            .onElements("th", "td")
            .allowAttributes("class")
            .matching(CODE_LANGUAGE)
            .onElements("code")
            .allowAttributes("open")
            .matching(true, "", "open")
            .onElements("details")
            // forum posts are user content: no search-engine credit, no window.opener for the target
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    /** For CDI, and for plain construction in tests and benchmarks: nothing is injected. */
    public Markdown() {}

    /** A body ready to show, and the usernames it mentions in the order they first appear. */
    public record Rendered(String html, Set<String> mentions) {
        public Rendered {
            Objects.requireNonNull(html, "rendered HTML is always present, possibly empty");
            Objects.requireNonNull(mentions, "mentions are always present, possibly empty");
        }
    }

    /**
     * Renders a body to sanitised HTML.
     *
     * @throws InvalidInput on field {@code body} when the body nests deeper than {@value #MAX_DEPTH}
     *     levels
     */
    public Rendered render(String body) {
        Objects.requireNonNull(body, "body is required");
        Node document;
        try {
            document = parser.parse(body);
        } catch (IllegalArgumentException tooManyCells) {
            throw new InvalidInput("body", "has a table of more than " + MAX_TABLE_CELLS + " cells; split it");
        }
        var shape = shapeOf(document);
        if (shape.depth() > MAX_DEPTH) {
            throw new InvalidInput(
                    "body", "nests deeper than " + MAX_DEPTH + " levels (quotes, lists or emphasis); flatten it");
        }
        if (shape.widestRow() > MAX_TABLE_COLUMNS) {
            throw new InvalidInput("body", "has a table of more than " + MAX_TABLE_COLUMNS + " columns");
        }
        var rendered = new BoundedText(MAX_HTML);
        try {
            renderer.render(document, rendered);
        } catch (BoundedText.Full full) {
            throw new InvalidInput("body", "renders to more than " + MAX_HTML + " characters of HTML; shorten it");
        }
        String html = policy.sanitize(rendered.toString());
        return new Rendered(html, mentionsIn(document));
    }

    /** Output that refuses to grow past a limit, so a small input cannot make a large answer. */
    private static final class BoundedText implements Appendable {

        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        private final StringBuilder text = new StringBuilder();
        private final int limit;

        BoundedText(int limit) {
            this.limit = limit;
        }

        @Override
        public Appendable append(CharSequence sequence) {
            return append(sequence, 0, sequence.length());
        }

        @Override
        public Appendable append(CharSequence sequence, int start, int end) {
            if (text.length() + (end - start) > limit) {
                throw new Full();
            }
            text.append(sequence, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            if (text.length() + 1 > limit) {
                throw new Full();
            }
            text.append(c);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** How deep the tree nests and how many cells its widest table row has. */
    private record Shape(int depth, int widestRow) {}

    /** Pre-order walk by sibling and parent links, so a deep tree costs no stack. */
    private static Shape shapeOf(Node document) {
        int depth = 0;
        int deepest = 0;
        int widest = 0;
        Node node = document;
        while (true) {
            if (node instanceof TableRow row) {
                int cells = 0;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells++;
                }
                widest = Math.max(widest, cells);
            }
            Node child = node.getFirstChild();
            if (child != null) {
                node = child;
                depth += levelOf(node);
                deepest = Math.max(deepest, depth);
                continue;
            }
            while (node != document && node.getNext() == null) {
                depth -= levelOf(node);
                node = node.getParent();
            }
            if (node == document) {
                return new Shape(deepest, widest);
            }
            depth -= levelOf(node);
            node = node.getNext();
            depth += levelOf(node);
            deepest = Math.max(deepest, depth);
        }
    }

    /**
     * The levels a node adds as an author counts them: a quote, a list, an emphasis or a link each add
     * one; the paragraphs, list items and text inside them add none.
     */
    private static int levelOf(Node node) {
        return node instanceof BlockQuote
                        || node instanceof ListBlock
                        || node instanceof Emphasis
                        || node instanceof StrongEmphasis
                        || node instanceof Link
                ? 1
                : 0;
    }

    /*
     * Only Text nodes count: code spans, code blocks, raw HTML and link destinations are other node
     * types. Autolinked URLs and e-mail addresses are Text under a Link, so they are skipped too.
     */
    private static Set<String> mentionsIn(Node document) {
        var mentions = new LinkedHashSet<String>();
        Node node = document;
        while (node != null && mentions.size() < MAX_MENTIONS) {
            if (node instanceof Text text && !isAutolinkText(text)) {
                collectMentions(text.getLiteral(), mentions);
            }
            node = nextInPreOrder(node, document);
        }
        return Collections.unmodifiableSet(mentions);
    }

    private static void collectMentions(String text, Set<String> mentions) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && mentions.size() < MAX_MENTIONS) {
            String name = trimSentencePunctuation(matcher.group(1).toLowerCase(Locale.ROOT));
            if (name.length() >= 2) {
                mentions.add(name);
            }
        }
    }

    /** "ask @carla.carrier." ends a sentence; it does not name "carla.carrier.". */
    private static String trimSentencePunctuation(String name) {
        int end = name.length();
        while (end > 0 && ".-_".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return name.substring(0, end);
    }

    private static boolean isAutolinkText(Text text) {
        if (!(text.getParent() instanceof Link link)) {
            return false;
        }
        String literal = text.getLiteral();
        String destination = link.getDestination();
        // www. autolinks get a scheme put in front, e-mail addresses get mailto:
        return destination.equals(literal)
                || destination.equals("mailto:" + literal)
                || destination.endsWith("://" + literal);
    }

    private static Node nextInPreOrder(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != root && current.getNext() == null) {
            current = current.getParent();
        }
        return current == root ? null : current.getNext();
    }

    /**
     * Posts show no images: an image loads without a click, so it would tell its host who read the
     * post and when (and the browser client's CSP would block it anyway). A Markdown image becomes a
     * link to it, labelled with its alt text; raw {@code <img>} is not on the allow-list.
     */
    private static final class ImageAsLink implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            var image = (Image) node;
            var destination = context.shouldSanitizeUrls()
                    ? context.urlSanitizer().sanitizeLinkUrl(image.getDestination())
                    : image.getDestination();
            var writer = context.getWriter();
            var attributes = new java.util.LinkedHashMap<String, String>();
            attributes.put("href", context.encodeUrl(destination));
            if (image.getTitle() != null) {
                attributes.put("title", image.getTitle());
            }
            writer.tag("a", attributes);
            if (image.getFirstChild() == null) {
                writer.text("image");
            }
            for (Node child = image.getFirstChild(); child != null; ) {
                var next = child.getNext();
                context.render(child);
                child = next;
            }
            writer.tag("/a");
        }
    }
}
