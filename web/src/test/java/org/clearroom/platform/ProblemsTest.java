package org.clearroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void atMostFiftyErrorsAreListedThenHowManyMore() {
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < 80_000; i++) {
            errors.add(new FieldError("f" + i, "is not a field of this request"));
        }
        var problem = Problems.of(400, "invalid-input", "Invalid input", "80000 fields are wrong", "r", errors);
        assertThat(problem.errors()).hasSize(51);
        assertThat(problem.errors().get(49).field()).isEqualTo("f49");
        assertThat(problem.errors().get(50)).isEqualTo(new FieldError("body", "and 79950 more problems, not listed"));
    }

    @Test
    void whatTheCallerSentIsShownBoundedAndWithItsControlsVisible() {
        var problem = Problems.of(
                404,
                "not-found",
                "Not Found",
                "room \u202Egnp.exe does not exist",
                "r",
                List.of(new FieldError("k".repeat(100_000), "line one\nline two")));
        assertThat(problem.detail()).isEqualTo("room \\u202Egnp.exe does not exist");
        assertThat(problem.errors().get(0).field()).hasSize(129).endsWith("…");
        assertThat(problem.errors().get(0).message()).isEqualTo("line one\\u000Aline two");
        var long_ = Problems.of(400, "x", "X", "d".repeat(5_000), "r", List.of());
        assertThat(long_.detail()).hasSize(1_025);
    }

    @Test
    void ordinaryTextIsShownAsItIs() {
        assertThat(TextRules.shown("Кириллица, 中文, emoji \uD83D\uDE00 and \u05d7\u05d3\u05e8"))
                .isEqualTo("Кириллица, 中文, emoji \uD83D\uDE00 and \u05d7\u05d3\u05e8");
        assertThat(TextRules.shown("a\uD800b")).isEqualTo("a\\uD800b");
        assertThat(TextRules.shown(null)).isEmpty();
    }
}
