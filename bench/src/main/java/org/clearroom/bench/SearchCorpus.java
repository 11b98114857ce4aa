package org.clearroom.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated forum text for the search benchmark. The words are made-up (so that what a query matches
 * is known from how the text was made) from a vocabulary of {@value #VOCABULARY} words drawn with a
 * Zipf distribution (the word of rank r with probability proportional to 1/r), mixed with English stop
 * words as real text is. On top of that: rare marker words, each put into about {@value #MARKER_POSTS}
 * posts, and fixed two-word phrases in about 1 % of posts. The posts are plain paragraphs, whose HTML
 * is a {@code <p>} per paragraph (checked against the server's renderer before use).
 */
final class SearchCorpus {

    static final int VOCABULARY = 5000;
    static final int MARKERS = 200;
    static final int MARKER_POSTS = 50;
    static final int PHRASES = 50;

    private static final String[] STOP = {
        "the", "a", "to", "of", "and", "in", "is", "for", "on", "that", "with", "we", "it", "this", "was", "be", "as",
        "at", "not", "have", "our", "from", "but", "after", "all"
    };
    private static final String[] ONSETS = {
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v", "br", "tr", "st", "pl", "gr", "kr", "dr", "sh", "ch"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ea"};
    private static final String[] CODAS = {"", "", "n", "r", "l", "m", "k", "t"};

    private final String[] words;
    private final double[] cumulative;
    private final String[] markers;
    private final String[][] phrases;
    private final String[] absent;
    private final double markerChance;

    SearchCorpus(long posts, long seed) {
        var random = new SplittableRandom(seed);
        var made = new LinkedHashSet<String>();
        while (made.size() < VOCABULARY) {
            made.add(pseudoWord(random, "", 2 + random.nextInt(2)));
        }
        words = made.toArray(String[]::new);
        cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < VOCABULARY; r++) {
            cumulative[r] /= sum;
        }
        // prefixes that the vocabulary never starts with, so markers and absent words stay apart
        var markerSet = new LinkedHashSet<String>();
        while (markerSet.size() < MARKERS) {
            markerSet.add(pseudoWord(random, "zq", 2));
        }
        markers = markerSet.toArray(String[]::new);
        var absentSet = new LinkedHashSet<String>();
        while (absentSet.size() < 20) {
            absentSet.add(pseudoWord(random, "xy", 3));
        }
        absent = absentSet.toArray(String[]::new);
        phrases = new String[PHRASES][];
        for (int p = 0; p < PHRASES; p++) {
            phrases[p] = new String[] {words[200 + random.nextInt(800)], words[200 + random.nextInt(800)]};
        }
        markerChance = Math.min(1.0, (double) MARKERS * MARKER_POSTS / Math.max(1, posts));
    }

    private static String pseudoWord(SplittableRandom random, String prefix, int syllables) {
        var word = new StringBuilder(prefix);
        for (int s = 0; s < syllables; s++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        word.append(CODAS[random.nextInt(CODAS.length)]);
        return word.toString();
    }

    /** The word of rank {@code rank} (0 is the most common). */
    String word(int rank) {
        return words[rank];
    }

    private String zipfWord(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return words[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
    }

    /** A post body: 300 to 800 characters in paragraphs of sentences. */
    String body(SplittableRandom random) {
        int target = 300 + random.nextInt(501);
        var text = new StringBuilder(target + 120);
        boolean marker = random.nextDouble() < markerChance;
        boolean phrase = random.nextInt(100) == 0;
        int sentencesInParagraph = 0;
        int paragraphLength = 2 + random.nextInt(3);
        while (text.length() < target) {
            if (sentencesInParagraph == paragraphLength) {
                text.append("\n\n");
                sentencesInParagraph = 0;
                paragraphLength = 2 + random.nextInt(3);
            } else if (sentencesInParagraph > 0) {
                text.append(' ');
            }
            int tokens = 8 + random.nextInt(9);
            for (int t = 0; t < tokens; t++) {
                String token;
                if (marker && t == 3) {
                    token = markers[random.nextInt(MARKERS)];
                    marker = false;
                } else if (phrase && t == 5) {
                    var pair = phrases[random.nextInt(PHRASES)];
                    token = pair[0] + " " + pair[1];
                    phrase = false;
                } else {
                    token = random.nextInt(10) < 4 ? STOP[random.nextInt(STOP.length)] : zipfWord(random);
                }
                if (t == 0) {
                    text.append(Character.toUpperCase(token.charAt(0))).append(token, 1, token.length());
                } else {
                    text.append(' ').append(token);
                }
            }
            text.append('.');
            sentencesInParagraph++;
        }
        return text.toString();
    }

    /** A thread title: four to eight words. */
    String title(SplittableRandom random) {
        int n = 4 + random.nextInt(5);
        var title = new StringBuilder();
        for (int i = 0; i < n; i++) {
            var word = random.nextInt(10) < 3 ? STOP[random.nextInt(STOP.length)] : zipfWord(random);
            title.append(i == 0 ? word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) : " " + word);
        }
        return title.toString();
    }

    /** What the server's renderer makes of such a body: a paragraph element per paragraph. */
    static String html(String body) {
        var html = new StringBuilder(body.length() + 32);
        for (var paragraph : body.split("\n\n")) {
            html.append("<p>").append(paragraph).append("</p>\n");
        }
        return html.toString();
    }

    /** The queries of each kind, as a user would type them. */
    List<String> queries(String kind, int n, SplittableRandom random) {
        var out = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            out.add(
                    switch (kind) {
                        case "rare word" -> markers[random.nextInt(MARKERS)];
                        case "common word" -> words[40 + random.nextInt(40)];
                        case "two words" -> words[100 + random.nextInt(300)] + " " + words[100 + random.nextInt(300)];
                        case "phrase" -> {
                            var pair = phrases[random.nextInt(PHRASES)];
                            yield "\"" + pair[0] + " " + pair[1] + "\"";
                        }
                        case "no hits" -> absent[random.nextInt(absent.length)];
                        default -> throw new IllegalArgumentException(kind);
                    });
        }
        return out;
    }
}
