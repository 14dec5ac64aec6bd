package io.bindery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void textSetsUtf8PlainTextAndBody() {
        Response response = Response.text(404, "Not found: /x – sorry");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("content-type"))
                .contains("text/plain; charset=utf-8");
        assertThat(response.text()).isEqualTo("Not found: /x – sorry");
        assertThat(response.bodyLength()).isEqualTo(response.body().length);
    }

    @Test
    void jsonFromTextKeepsTheText() {
        Response response = Response.json(200, "{\"ok\":true}");

        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.text()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void jsonFromValuesRendersThem() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", "alice");
        body.put("roles", List.of("admin", "dev"));
        body.put("age", 7);

        Response response = Response.json(201, body);

        assertThat(response.text()).isEqualTo(
                "{\"user\":\"alice\",\"roles\":[\"admin\",\"dev\"],\"age\":7}");
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        Response response = Response.builder(200).body(bytes).build();

        bytes[0] = 9;
        response.body()[1] = 9;

        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.toBuilder().header("X", "y").build().body()).containsExactly(1, 2, 3);
    }

    @Test
    void statusOutOfRangeIsRejected() {
        assertThatThrownBy(() -> Response.status(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99").hasMessageContaining("100 to 599");
        assertThatThrownBy(() -> Response.status(600))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Response.status(204).bodyLength()).isZero();
    }
}
