package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Spring MVC's own failures and unexpected ones are problem+json too, never a stack trace. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent\": \"support\", \"goal\": }"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(startsWith("malformed JSON: ")))
                .andExpect(jsonPath("$.instance").value("/api/tasks"));
    }

    @Test
    void malformedJsonDetailCarriesNoParserInternals() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent\":\"support\",\"input\":{\"items\":[1,2}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("malformed JSON: Unexpected close marker '}': expected ']' (line 1, column 41)"));
    }

    @Test
    void wrongJsonTypeIsABadRequestThatNamesTheField() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agent":"support","input":"not an object"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("invalid request body: 'input' has the wrong JSON type"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("start please"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        mvc.perform(get("/api/nothing-here").with(as("dave")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no endpoint GET /api/nothing-here"));
    }

    @Test
    void wrongMethodIsMethodNotAllowed() throws Exception {
        mvc.perform(delete("/api/tasks/refund-42").with(as("dave")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void problemIsJsonEvenWhenTheClientAsksForHtml() throws Exception {
        mvc.perform(get("/api/tasks/nope").with(as("dave")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/nothing-here").with(as("dave")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/tasks").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unexpectedFailureIsAGeneric500LoggedOnceWithoutStackTraceInTheBody(CapturedOutput output) throws Exception {
        given(countersign.taskList(50))
                .willThrow(new IllegalStateException("connection pool secret-host:7233 exhausted"));

        String body = mvc.perform(get("/api/tasks").with(as("dave")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("an unexpected error occurred; it has been logged on the server"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("secret-host", "IllegalStateException", "at dev.countersign");
        assertThat(output.getOut()).containsOnlyOnce("connection pool secret-host:7233 exhausted");
        assertThat(output.getOut()).contains("unexpected failure on GET /api/tasks");
    }
}
