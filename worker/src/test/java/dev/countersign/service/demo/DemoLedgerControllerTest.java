package dev.countersign.service.demo;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.ReadScope;
import dev.countersign.service.security.TaskAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class DemoLedgerControllerTest {

    private final DemoDatabase database = new DemoDatabase();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DemoLedgerController(
                    new DemoLedger(database.jdbc()),
                    new TaskAccess(ReadScope.INVOLVED, List.of("operators"), List.of("admins"))))
            .build();
    private final Authentication olga = UsernamePasswordAuthenticationToken.authenticated(
            "olga", null, List.of(new SimpleGrantedAuthority(CurrentUser.authority("operators"))));

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theLedgerIsJsonWithAmountsAsNumbers() throws Exception {
        new IssueRefundTool(database.schema())
                .execute(DemoDatabase.invocation(
                        "issue_refund", "task-1", "a1", Map.of("orderId", "A-1", "amount", 120.5, "currency", "USD")));
        new SendEmailTool(database.jdbc())
                .execute(DemoDatabase.invocation(
                        "send_email",
                        "task-1",
                        "a2",
                        Map.of("to", "ana.silva@example.com", "subject", "Your refund", "body", "Refunded.")));

        mvc.perform(get("/api/demo/ledger").principal(olga))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"refunds":[{"orderId":"A-1","amount":120.50,"currency":"USD","taskId":"task-1"}],
                         "emails":[{"to":"ana.silva@example.com","subject":"Your refund","body":"Refunded.","taskId":"task-1"}]}
                        """, org.springframework.test.json.JsonCompareMode.STRICT))
                .andExpect(jsonPath("$.refunds[0].amount").isNumber());
    }

    @Test
    void anEmptyLedgerHasEmptyLists() throws Exception {
        mvc.perform(get("/api/demo/ledger").principal(olga))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"refunds\":[],\"emails\":[]}"));
    }
}
