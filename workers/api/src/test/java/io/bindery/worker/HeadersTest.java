package io.bindery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void namesAreComparedWithoutRegardToCase() {
        Headers headers = Headers.of("Content-Type", "text/plain");

        assertThat(headers.first("content-type")).contains("text/plain");
        assertThat(headers.first("CONTENT-TYPE")).contains("text/plain");
        assertThat(headers.contains("cOnTeNt-TyPe")).isTrue();
        assertThat(headers.first("Accept")).isEmpty();
        assertThat(headers.all("Accept")).isEmpty();
    }

    @Test
    void fieldsKeepAllValuesInOrderUnderTheirFirstSpelling() {
        Headers headers = Headers.builder()
                .add("Set-Cookie", "a=1")
                .add("set-cookie", "b=2")
                .add("SET-COOKIE", "c=3")
                .build();

        assertThat(headers.all("Set-Cookie")).containsExactly("a=1", "b=2", "c=3");
        assertThat(headers.first("set-cookie")).contains("a=1");
        assertThat(headers.names()).containsExactly("Set-Cookie");
        assertThat(headers.size()).isEqualTo(1);
        List<String> seen = new ArrayList<>();
        headers.forEach((name, value) -> seen.add(name + ":" + value));
        assertThat(seen).containsExactly("Set-Cookie:a=1", "Set-Cookie:b=2", "Set-Cookie:c=3");
    }

    @Test
    void setReplacesEveryValueAndRemoveDropsTheField() {
        Headers headers = Headers.of("Accept", "a", "accept", "b", "X-One", "1");

        Headers changed = headers.toBuilder().set("ACCEPT", "c").remove("x-one").build();

        assertThat(changed.all("accept")).containsExactly("c");
        assertThat(changed.contains("X-One")).isFalse();
        assertThat(headers.all("accept")).containsExactly("a", "b");
        assertThat(headers.contains("x-one")).isTrue();
    }

    @Test
    void headersAreImmutable() {
        Headers headers = Headers.of("A", "1");

        assertThatThrownBy(() -> headers.all("a").add("2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.names().add("B"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalHeadersAreEqualWhateverTheirSpelling() {
        assertThat(Headers.of("A", "1", "b", "2")).isEqualTo(Headers.of("A", "1", "b", "2"))
                .hasSameHashCodeAs(Headers.of("A", "1", "b", "2"));
        assertThat(Headers.of("A", "1")).isNotEqualTo(Headers.of("A", "2"));
        assertThat(Headers.builder().build()).isSameAs(Headers.empty());
    }

    @Test
    void oddArgumentsAndEmptyNamesAreRejected() {
        assertThatThrownBy(() -> Headers.of("A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even number");
        assertThatThrownBy(() -> Headers.builder().add(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }
}
