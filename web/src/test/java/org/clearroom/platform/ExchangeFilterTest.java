package org.clearroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeFilterTest {

    @Test
    void escapesMustDecodeToUtf8() {
        for (var good : List.of("q=caf%C3%A9", "q=%E2%82%AC", "q=plain+words&limit=2", "q=%F0%9F%98%80", "q=")) {
            assertThat(ExchangeFilter.decodesToUtf8(good)).as(good).isTrue();
        }
        for (var bad : List.of("q=quokka%FF", "q=%ED%A0%80", "q=%C0%AE", "q=%E2%82", "q=%80")) {
            assertThat(ExchangeFilter.decodesToUtf8(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aParameterNamedTwiceIsFoundHoweverItIsSpelled() {
        assertThat(ExchangeFilter.repeatedParameter("limit=1&limit=2")).isEqualTo("limit");
        assertThat(ExchangeFilter.repeatedParameter("q=a&%71=b")).isEqualTo("q");
        assertThat(ExchangeFilter.repeatedParameter("flag&flag")).isEqualTo("flag");
        assertThat(ExchangeFilter.repeatedParameter("q=a&limit=2&order=newest")).isNull();
        assertThat(ExchangeFilter.repeatedParameter("q=a&&limit=2&")).isNull();
    }
}
