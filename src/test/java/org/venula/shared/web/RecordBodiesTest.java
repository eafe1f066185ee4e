package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.Reason;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordBodiesTest {

    enum Leg { LEFT, RIGHT }

    record Visit(LocalDate on, Leg leg, Integer areas) {
    }

    private final RecordBodies.Converter converter = new RecordBodies.Converter(JsonMapper.builder().build());

    @Test
    void readsVenulasRequestRecordsAndNothingElse() {
        assertThat(converter.canRead(Reason.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.canRead(Reason.class, MediaType.valueOf("application/merge-patch+json"))).isTrue();
        assertThat(converter.canRead(Reason.class, MediaType.TEXT_PLAIN)).isFalse();
        assertThat(converter.canRead(JsonNode.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canRead(String.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(Reason.class, MediaType.APPLICATION_JSON)).isFalse();
    }

    @Test
    void aWellFormedBodyBecomesTheRecord() throws Exception {
        Object visit = converter.read(Visit.class, body("{\"on\":\"2026-12-03\",\"leg\":\"LEFT\",\"areas\":2}"));
        assertThat(visit).isEqualTo(new Visit(LocalDate.of(2026, 12, 3), Leg.LEFT, 2));
    }

    @Test
    void everyUnreadableFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> converter.read(Visit.class, body("{\"on\":\"tuesday\",\"leg\":\"UP\",\"areas\":\"two\"}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("on", "leg", "areas"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamedAsTheBody() {
        assertThatThrownBy(() -> converter.read(Visit.class, body("[1,2]")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).isEqualTo(List.of("body")));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> converter.read(Visit.class, body("{\"on\":")))
                .isInstanceOf(HttpMessageNotReadableException.class);
    }

    private static MockHttpInputMessage body(String json) {
        MockHttpInputMessage message = new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8));
        message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return message;
    }
}
