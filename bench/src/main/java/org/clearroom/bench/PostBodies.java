package org.clearroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forum posts as people write them in a carrier's security forum: 300 to 800 characters of Markdown
 * with a paragraph, a short list, a code span, and now and then an {@code @mention} of another member
 * (which the server turns into a notification). Made in advance, so that the load loop only picks one.
 */
final class PostBodies {

    private static final String[] OPENERS = {
        "We saw the same behaviour on our side after the last maintenance window.",
        "Following up on the advisory from last week, here is what our lab found.",
        "Short summary of the incident review we held this morning.",
        "The vendor confirmed the fix is in the next release, but the workaround still matters.",
        "Our monitoring picked this up on two of the core sites overnight.",
        "Adding some context for the people who joined the thread late.",
        "This matches what the regulator asked about in the quarterly review.",
        "I tried to reproduce it on the test bed and got a slightly different result.",
    };

    private static final String[] SENTENCES = {
        "The signalling gateway rejected the update and fell back to the previous profile.",
        "Rotating the keys on the management plane took longer than planned.",
        "Most of the alarms cleared once the firewall rule was rolled back.",
        "We still see retransmissions on the interconnect during peak hours.",
        "The patch applies cleanly, but the service needs a restart to pick it up.",
        "Nothing suspicious showed up in the authentication logs for that period.",
        "Latency on the roaming links went up by a few milliseconds, nothing more.",
        "The certificate chain presented by the peer was missing its intermediate.",
        "Two of the base stations reported the same firmware checksum mismatch.",
        "Our change board approved the rollout for the next maintenance window.",
        "A packet capture is attached to the ticket for anyone who wants to look.",
        "The audit trail shows the configuration change was made by the vendor account.",
    };

    private static final String[] ITEMS = {
        "check the firmware version on every edge router",
        "compare the session counters before and after the change",
        "keep the old profile around until the rollback window closes",
        "ask the vendor for the signed release notes",
        "confirm the alarm thresholds with the operations team",
        "rotate the shared secret on the test bed first",
        "record the timeline in the incident ticket",
        "verify the checksums against the advisory",
        "disable the legacy cipher suites on the interconnect",
        "schedule a follow-up review in two weeks",
    };

    private static final String[] CODE = {
        "`ike-lifetime 28800`",
        "`show crypto session detail`",
        "`ssh-keygen -l -f host_key.pub`",
        "`tls.min_version = 1.2`",
        "`sysctl net.ipv4.tcp_syncookies`",
        "`openssl s_client -showcerts`",
        "`diameter.peer.timeout=30s`",
        "`sha256sum firmware-4.2.1.bin`",
    };

    private final List<String> bodies;

    /** {@code count} bodies; {@code usernames} are the members who may be mentioned. */
    PostBodies(int count, List<String> usernames, long seed) {
        var random = new SplittableRandom(seed);
        bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body(random, usernames));
        }
    }

    String pick(SplittableRandom random) {
        return bodies.get(random.nextInt(bodies.size()));
    }

    String get(int i) {
        return bodies.get(Math.floorMod(i, bodies.size()));
    }

    double averageLength() {
        return bodies.stream().mapToInt(String::length).average().orElse(0);
    }

    static String body(SplittableRandom random, List<String> usernames) {
        int target = 300 + random.nextInt(501);
        var text = new StringBuilder(900);
        text.append(OPENERS[random.nextInt(OPENERS.length)])
                .append(' ')
                .append(SENTENCES[random.nextInt(SENTENCES.length)])
                .append(" The setting in question is ")
                .append(CODE[random.nextInt(CODE.length)])
                .append('.');
        if (!usernames.isEmpty() && random.nextInt(8) == 0) {
            text.append(" @")
                    .append(usernames.get(random.nextInt(usernames.size())))
                    .append(", can you confirm this on your side?");
        }
        text.append("\n\n");
        int items = 2 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            text.append("- ").append(ITEMS[random.nextInt(ITEMS.length)]).append('\n');
        }
        text.append('\n');
        while (text.length() < target) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        }
        var body = text.toString().strip();
        if (body.length() > 800) {
            // cut at the last sentence that fits, keeping at least the list
            int end = body.lastIndexOf(". ", 799);
            body = end > 300
                    ? body.substring(0, end + 1)
                    : body.substring(0, 800).strip();
        }
        return body;
    }
}
