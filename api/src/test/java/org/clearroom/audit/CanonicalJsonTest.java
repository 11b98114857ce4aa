package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsMembersByUtf16CodeUnitsAsInRfc8785Section3_2_3() {
        // the sorting example of RFC 8785 section 3.2.3, without its numeric member
        var object = new LinkedHashMap<String, Object>();
        object.put("\u20ac", "Euro Sign");
        object.put("\r", "Carriage Return");
        object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        object.put("1", "One");
        object.put("\ud83d\ude00", "Emoji: Grinning Face");
        object.put("\u0080", "Control");
        object.put("\u00f6", "Latin Small Letter O With Diaeresis");

        assertThat(CanonicalJson.write(object))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        assertThat(CanonicalJson.write("\u20ac$\u000f\nA'B\"\\\\\"/"))
                .isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
    }

    @Test
    void writesNestedStructuresWithoutWhitespace() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", Arrays.asList(1L, true, null, "x"));
        value.put("a", Map.of("z", false));
        assertThat(CanonicalJson.write(value)).isEqualTo("{\"a\":{\"z\":false},\"b\":[1,true,null,\"x\"]}");
    }

    @Test
    void refusesValuesItCannotWriteCanonically() {
        assertThatThrownBy(() -> CanonicalJson.write(List.of(1.5d))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(1L << 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
