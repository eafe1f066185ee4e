package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

import tools.jackson.databind.json.JsonMapper;

class FormRecordsTest {

    enum Leg { LEFT, RIGHT }

    record RecordVisit(String reason, LocalDate on, LocalDateTime start, Leg leg, Integer areas, BigDecimal volumeMl,
            Boolean ultrasound, List<String> symptoms) {
    }

    record Counted(long areas) {
    }

    @SuppressWarnings("unused")
    void handler(@Form RecordVisit visit, RecordVisit plain, @Form Counted counted, @Form String text) {
    }

    private final FormRecords.Resolver resolver = new FormRecords.Resolver(mapper());
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/visits");

    /** The application's request mapper: the same limits on text and dates as a JSON body. */
    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonConfiguration().requestRules().customize(builder);
        return builder.build();
    }

    @Test
    void onlyParametersMarkedAsFormsAreRead() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isFalse();
    }

    @Test
    void everyFieldIsRead() throws Exception {
        request.addParameter("reason", "Patient unwell");
        request.addParameter("on", "2026-12-03");
        request.addParameter("start", "2026-12-03T09:30");
        request.addParameter("leg", "LEFT");
        request.addParameter("areas", "2");
        request.addParameter("volumeMl", "0.5");
        request.addParameter("ultrasound", "true");
        request.addParameter("symptoms", "PAIN", "REDNESS");

        assertThat(read()).isEqualTo(new RecordVisit("Patient unwell", LocalDate.of(2026, 12, 3),
                LocalDateTime.of(2026, 12, 3, 9, 30), Leg.LEFT, 2, new BigDecimal("0.5"), true,
                List.of("PAIN", "REDNESS")));
    }

    @Test
    void blankFieldsAreAbsent() throws Exception {
        request.addParameter("reason", "   ");
        request.addParameter("on", "");
        request.addParameter("areas", "");
        request.addParameter("symptoms", "", " ");

        assertThat(read()).isEqualTo(new RecordVisit(null, null, null, null, null, null, null, null));
    }

    @Test
    void aFieldTheFormDoesNotSendIsNull() throws Exception {
        request.addParameter("leg", "RIGHT");

        RecordVisit visit = read();
        assertThat(visit.leg()).isEqualTo(Leg.RIGHT);
        assertThat(visit.start()).isNull();
        assertThat(visit.symptoms()).isNull();
    }

    @Test
    void aFieldSentOnceIntoAListIsAListOfOne() throws Exception {
        request.addParameter("symptoms", "PAIN");

        assertThat(read().symptoms()).containsExactly("PAIN");
    }

    @Test
    void everyUnreadableFieldIsNamedAtOnceAsTheApiNamesThem() {
        request.addParameter("reason", "fine");
        request.addParameter("start", "tuesday morning");
        request.addParameter("leg", "UP");
        request.addParameter("areas", "two");

        assertThatThrownBy(this::read).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .containsExactlyInAnyOrder(new FieldProblem("start", "'tuesday morning' is not a valid value"),
                        new FieldProblem("leg", "'UP' is not one of LEFT, RIGHT"),
                        new FieldProblem("areas", "must be a whole number")));
    }

    @Test
    void aDateOutsideTheLimitsIsRefusedAsInABody() {
        request.addParameter("on", "+12026-01-01");

        assertThatThrownBy(this::read).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::field).containsExactly("on"));
    }

    @Test
    void aFieldSentTwiceWhereOneValueBelongsIsNamed() {
        request.addParameter("areas", "1", "2");

        assertThatThrownBy(this::read).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::field).containsExactly("areas"));
    }

    @Test
    void aFormOfPrimitivesOrNotARecordIsAProgrammingError() {
        assertThatThrownBy(() -> resolve(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resolve(3)).isInstanceOf(IllegalStateException.class);
    }

    @PageController
    static class VisitPage {
        @PostMapping("/visits")
        String post(@Form RecordVisit visit) {
            return "redirect:/visits";
        }
    }

    @Test
    void aPageFormWithUnreadableFieldsIsAnsweredWithThePageThatNamesEach() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new VisitPage()).setCustomArgumentResolvers(resolver)
                .setControllerAdvice(new PageProblemHandler()).build();

        mvc.perform(post("/visits").param("leg", "UP").param("areas", "two").param("reason", "fine"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(view().name("error/invalid"))
                .andExpect(model().attribute("problems", hasSize(2)));
        mvc.perform(post("/visits").param("leg", "LEFT")).andExpect(status().is3xxRedirection());
    }

    private RecordVisit read() throws Exception {
        return (RecordVisit) resolve(0);
    }

    private Object resolve(int index) throws Exception {
        return resolver.resolveArgument(parameter(index), null, new ServletWebRequest(request), null);
    }

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        return new MethodParameter(FormRecordsTest.class.getDeclaredMethod("handler", RecordVisit.class,
                RecordVisit.class, Counted.class, String.class), index);
    }
}
