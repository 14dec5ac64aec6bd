package io.bindery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quoteEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.quote("say \"hi\"\\ \n\r\t\b\u0001"))
                .isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\r\\t\\u0008\\u0001\"");
    }

    @Test
    void quoteKeepsOtherCharactersAsTheyAre() {
        assertThat(Json.quote("héllo / 世界 😀 </script>"))
                .isEqualTo("\"héllo / 世界 😀 </script>\"");
    }

    @Test
    void quoteEscapesUnpairedSurrogatesSoUtf8KeepsThem() {
        String text = "a\ud800b\udc00c";

        String quoted = Json.quote(text);

        assertThat(quoted).isEqualTo("\"a\\ud800b\\udc00c\"");
        assertThat(decode(quoted)).isEqualTo(text);
    }

    @Test
    void writeRendersNestedValues() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("s", "x");
        value.put("n", 1.5);
        value.put("b", false);
        value.put("nothing", null);
        value.put("list", List.of(1, List.of(), Map.of()));
        value.put("array", new Object[] {"a", 2});
        value.put(7, "key");

        assertThat(Json.write(value)).isEqualTo("{\"s\":\"x\",\"n\":1.5,\"b\":false,"
                + "\"nothing\":null,\"list\":[1,[],{}],\"array\":[\"a\",2],\"7\":\"key\"}");
    }

    @Test
    void writeTurnsNonFiniteNumbersIntoNull() {
        assertThat(Json.write(Arrays.asList(Double.NaN, Float.POSITIVE_INFINITY, 2)))
                .isEqualTo("[null,null,2]");
    }

    @Test
    void writeRejectsUnsupportedTypesNamingThem() {
        assertThatThrownBy(() -> Json.write(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("convert it");
    }

    @Test
    void quotedRandomStringsSurviveUtf8AndDecodeBackExactly() {
        var random = new Random(20_261_203L);
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random);

            String quoted = Json.quote(text);
            String overTheWire = new String(quoted.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);

            assertThat(overTheWire).as("round %d", round).isEqualTo(quoted);
            assertThat(quoted.chars().filter(c -> c < 0x20)).as("round %d", round).isEmpty();
            assertThat(decode(quoted)).as("round %d", round).isEqualTo(text);
        }
    }

    private static String randomText(Random random) {
        var text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> (char) (0xd800 + random.nextInt(0x800));
                case 3 -> (char) (0x20 + random.nextInt(0x60));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    /** Decodes a JSON string literal, quotes included; enough JSON for these tests. */
    private static String decode(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        var out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = literal.charAt(++i);
            switch (escape) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escape);
            }
        }
        return out.toString();
    }
}
