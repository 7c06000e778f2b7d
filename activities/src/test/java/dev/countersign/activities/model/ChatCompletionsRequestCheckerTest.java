package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The request checker refuses what OpenAI refuses, so the tests that rely on it can fail. */
class ChatCompletionsRequestCheckerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWellFormedConversationPasses() {
        assertThat(ChatCompletionsRequestChecker.problems(
                        request("""
                        {"role":"system","content":"be careful"},
                        {"role":"user","content":"refund A-7"},
                        {"role":"assistant","content":null,"tool_calls":[%s,%s]},
                        {"role":"tool","tool_call_id":"c2","content":"{}"},
                        {"role":"tool","tool_call_id":"c1","content":"{}"}
                        """.formatted(call("c1"), call("c2")), tool("lookup_order"))))
                .isEmpty();
    }

    @Test
    void anUnansweredToolCallIsRefused() {
        assertThat(ChatCompletionsRequestChecker.problems(
                        request("""
                        {"role":"user","content":"refund A-7"},
                        {"role":"assistant","tool_calls":[%s,%s]},
                        {"role":"tool","tool_call_id":"c1","content":"{}"},
                        {"role":"user","content":"go on"}
                        """.formatted(call("c1"), call("c2")), tool("lookup_order"))))
                .containsExactly("messages[3] (user): tool_call_ids [c2] are not answered before it");
    }

    @Test
    void aToolMessageAnsweringNothingIsRefused() {
        assertThat(ChatCompletionsRequestChecker.problems(request("""
                        {"role":"user","content":"refund A-7"},
                        {"role":"tool","tool_call_id":"c9","content":"{}"}
                        """, tool("lookup_order"))))
                .containsExactly(
                        "messages[1] (tool): tool_call_id 'c9' does not answer a tool call of the assistant message just before");
    }

    @Test
    void aSystemMessageAfterTheConversationStartedIsRefused() {
        assertThat(ChatCompletionsRequestChecker.problems(request("""
                        {"role":"user","content":"hi"},
                        {"role":"system","content":"late"}
                        """, tool("lookup_order"))))
                .hasSize(1);
    }

    @Test
    void badToolSchemasAreRefused() {
        String badTool = """
                {"type":"function","function":{"name":"look up","parameters":{"type":"object",
                 "properties":{"ids":{"type":"array"}}}}}""";
        assertThat(ChatCompletionsRequestChecker.problems(request("{\"role\":\"user\",\"content\":\"hi\"}", badTool)))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("function.name 'look up'"))
                .anySatisfy(problem -> assertThat(problem).contains("array schema missing items"));
    }

    private static JsonNode request(String messages, String tool) {
        try {
            return JSON.readTree("{\"model\":\"m\",\"messages\":[" + messages + "],\"tools\":[" + tool + "]}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String call(String id) {
        return "{\"id\":\"" + id
                + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"arguments\":\"{}\"}}";
    }

    private static String tool(String name) {
        return "{\"type\":\"function\",\"function\":{\"name\":\"" + name
                + "\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}";
    }
}
