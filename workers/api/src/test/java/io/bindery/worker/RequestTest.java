package io.bindery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void copyIsIndependentOfTheOriginal() {
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        Request original = Request.builder("post", "http://localhost/login")
                .header("X-Trace", "a")
                .body(bytes)
                .build();
        Request copy = original.copy();

        bytes[0] = 'J';
        original.body()[1] = 'A';
        copy.body()[2] = 'L';

        assertThat(copy).isNotSameAs(original);
        assertThat(original.text()).isEqualTo("hello");
        assertThat(copy.text()).isEqualTo("hello");
        assertThat(copy.method()).isEqualTo("POST");
        assertThat(copy.url()).isEqualTo(original.url());
        assertThat(copy.headers()).isEqualTo(original.headers());
    }

    @Test
    void toBuilderChangesOnlyTheNewRequest() {
        Request original = Request.builder("GET", "http://localhost/getuser")
                .header("Authorization", "Bearer one")
                .build();

        Request changed = original.toBuilder()
                .header("Authorization", "Bearer two")
                .header("X-Extra", "yes")
                .url("http://localhost/other")
                .body("payload")
                .build();

        assertThat(original.headers().all("authorization")).containsExactly("Bearer one");
        assertThat(original.headers().contains("X-Extra")).isFalse();
        assertThat(original.path()).isEqualTo("/getuser");
        assertThat(original.bodyLength()).isZero();
        assertThat(changed.headers().all("AUTHORIZATION")).containsExactly("Bearer two");
        assertThat(changed.path()).isEqualTo("/other");
        assertThat(changed.text()).isEqualTo("payload");
    }

    @Test
    void pathIsSlashWhenTheUrlHasNone() {
        assertThat(Request.get("http://localhost:8080").path()).isEqualTo("/");
        assertThat(Request.get("http://localhost:8080/a%20b?x=1").path()).isEqualTo("/a%20b");
    }

    @Test
    void jsonBuilderSetsContentTypeAndBody() {
        Request request = Request.builder("POST", "http://h/x").json("{\"a\":1}").build();

        assertThat(request.headers().first("content-type")).contains("application/json");
        assertThat(request.text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void relativeOrInvalidUrlsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> Request.get("/login"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/login'")
                .hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> Request.get("http://bad host/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URI");
        assertThatThrownBy(() -> Request.builder(" ", "http://h/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
