package dev.countersign.service.security.token;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST, GET and DELETE /api/tokens: who may do what, and each way a request is refused. */
@TokenApiTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenEndpointsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Autowired
    JdbcApiTokens tokens;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyInbox() {
        given(countersign.inbox(any(), any(), anyInt(), any())).willReturn(new ApprovalInbox(List.of(), List.of()));
    }

    @Test
    void createdTokenComesWithItsSecretOnceAndALocation() throws Exception {
        mvc.perform(create("alice", "{\"name\":\"laptop\",\"lifetime\":\"P90D\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(
                                "Location",
                                org.hamcrest.Matchers.matchesPattern("http://localhost/api/tokens/[0-9a-f]{16}")))
                .andExpect(jsonPath("$.secret").value(org.hamcrest.Matchers.startsWith("cs_")))
                .andExpect(jsonPath("$.info.owner").value("alice"))
                .andExpect(jsonPath("$.info.name").value("laptop"))
                .andExpect(jsonPath("$.info.expiresAt").isNotEmpty())
                .andExpect(jsonPath("$.info.revokedAt").isEmpty());
    }

    @Test
    void listingShowsTheCallersTokensWithoutSecrets() throws Exception {
        MvcResult created = mvc.perform(create("bob", "{\"name\":\"ci\"}")).andReturn();
        String secret = secret(created);

        MvcResult listed = mvc.perform(get("/api/tokens").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id(created) + "')].name").value("ci"))
                .andExpect(jsonPath("$[?(@.owner != 'bob')]").isEmpty())
                .andReturn();

        assertThat(listed.getResponse().getContentAsString())
                .doesNotContain(secret)
                .doesNotContain(TokenSecrets.hash(secret))
                .doesNotContain("\"secret\"");
        mvc.perform(get("/api/tokens").with(as("carol")))
                .andExpect(jsonPath("$[?(@.owner == 'bob')]").isEmpty());
    }

    @Test
    void tokenAuthenticatesItsOwnerAndNeverAppearsInTheLog(CapturedOutput output) throws Exception {
        String secret =
                secret(mvc.perform(create("alice", "{\"name\":\"laptop\"}")).andReturn());

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());

        assertThat(output.getOut()).contains("issued to 'alice'").doesNotContain(secret);
    }

    @Test
    void tokenCarriesTheOwnersGroups() throws Exception {
        String operator =
                secret(mvc.perform(create("olga", "{\"name\":\"scraper\"}")).andReturn());
        String agent =
                secret(mvc.perform(create("dave", "{\"name\":\"scraper\"}")).andReturn());

        // The web slice has no actuator endpoints: 404 means the chain let the request through.
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + operator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + agent))
                .andExpect(status().isForbidden());
    }

    @Test
    void blankNameIsABadRequest() throws Exception {
        mvc.perform(create("alice", "{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("needs a name")));
    }

    @Test
    void lifetimeThatIsNoDurationIsABadRequest() throws Exception {
        mvc.perform(create("alice", "{\"name\":\"laptop\",\"lifetime\":\"90 days\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("lifetime must be an ISO-8601 duration such as P90D or PT12H, was '90 days'"));
        mvc.perform(create("alice", "{\"name\":\"laptop\",\"lifetime\":\"-PT1H\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("must be positive")));
    }

    @Test
    void lifetimeBeyondAHundredYearsIsABadRequest() throws Exception {
        mvc.perform(create("alice", "{\"name\":\"laptop\",\"lifetime\":\"PT2562047788015215H\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most PT876600H")));
        mvc.perform(create("alice", "{\"name\":\"laptop\",\"lifetime\":\"P36525D\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void missingBodyIsABadRequest() throws Exception {
        mvc.perform(post("/api/tokens").with(as("alice")).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void tokensNeedAuthentication() throws Exception {
        mvc.perform(get("/api/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/tokens/0123456789abcdef")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCannotCreateTokens(CapturedOutput output) throws Exception {
        String secret =
                secret(mvc.perform(create("alice", "{\"name\":\"laptop\"}")).andReturn());

        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"child\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("TokenCannotCreateTokens"));

        assertThat(output.getOut()).contains("refused POST /api/tokens for 'alice' with 403 TokenCannotCreateTokens");
    }

    @Test
    void everyonesTokensAreForAdminsOnly(CapturedOutput output) throws Exception {
        mvc.perform(create("carol", "{\"name\":\"desk\"}")).andExpect(status().isCreated());

        mvc.perform(get("/api/tokens").param("all", "true").with(as("bob")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAnAdmin"));
        mvc.perform(get("/api/tokens").param("all", "true").with(as("ada")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.owner == 'carol')]").isNotEmpty());

        assertThat(output.getOut()).contains("refused GET /api/tokens for 'bob' with 403 NotAnAdmin");
    }

    @Test
    void ownerRevokesAndTheTokenStopsWorkingSayingSo(CapturedOutput output) throws Exception {
        MvcResult created =
                mvc.perform(create("alice", "{\"name\":\"laptop\"}")).andReturn();
        String secret = secret(created);
        String id = id(created);

        mvc.perform(delete("/api/tokens/" + id).with(as("alice"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"countersign\", error=\"invalid_token\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("InvalidToken"))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/invalid-token"))
                .andExpect(jsonPath("$.instance").value("/api/approvals"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("the API token 'laptop' was revoked at ")));
        mvc.perform(get("/api/tokens").with(as("alice")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedBy").value("alice"));
        assertThat(output.getOut())
                .contains("refused GET /api/approvals with 401 (unauthenticated): API token " + id
                        + " of 'alice' was revoked by 'alice'")
                .doesNotContain(secret);
    }

    @Test
    void someoneElsesTokenIsNotFoundAndKeepsWorking(CapturedOutput output) throws Exception {
        MvcResult created =
                mvc.perform(create("alice", "{\"name\":\"laptop\"}")).andReturn();

        mvc.perform(delete("/api/tokens/" + id(created)).with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TokenNotFound"));

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + secret(created)))
                .andExpect(status().isOk());
        assertThat(output.getOut()).contains("refused DELETE /api/tokens/" + id(created) + " for 'bob' with 404");
    }

    @Test
    void unknownTokenIdIsNotFound() throws Exception {
        mvc.perform(delete("/api/tokens/0123456789abcdef").with(as("alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void adminRevokesAnyonesToken() throws Exception {
        MvcResult created = mvc.perform(create("bob", "{\"name\":\"ci\"}")).andReturn();

        mvc.perform(delete("/api/tokens/" + id(created)).with(as("ada"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + secret(created)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tokens").with(as("bob")))
                .andExpect(jsonPath("$[?(@.id == '" + id(created) + "')].revokedBy")
                        .value("ada"));
    }

    @Test
    void revokingTwiceIsHarmless() throws Exception {
        String id = id(mvc.perform(create("alice", "{\"name\":\"laptop\"}")).andReturn());

        mvc.perform(delete("/api/tokens/" + id).with(as("alice"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/tokens/" + id).with(as("alice"))).andExpect(status().isNoContent());
    }

    @Test
    void unknownOrMalformedBearerTokensAreRefused() throws Exception {
        mvc.perform(get("/api/approvals").header("Authorization", "Bearer cs_0123456789abcdef_" + "A".repeat(43)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("InvalidToken"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not recognised")));
        mvc.perform(get("/api/approvals").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("InvalidToken"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("accepts no JWTs")));
    }

    @Test
    void expiredTokenIsRefusedSayingSo() throws Exception {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        IssuedToken expired =
                new JdbcApiTokens(dataSource, yesterday).issue("alice", "short-lived", Duration.ofHours(1));

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + expired.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("InvalidToken"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("the API token 'short-lived' expired at ")));
    }

    @Test
    void tokenOfSomeoneWhoIsNoLongerAUserIsRefused() throws Exception {
        IssuedToken orphan = tokens.issue("mallory", "left the company", null);

        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + orphan.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API token's owner is no longer a user of this server"));
    }

    private static MockHttpServletRequestBuilder create(String user, String body) {
        return post("/api/tokens")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static String secret(MvcResult created) throws Exception {
        return JsonPath.read(created.getResponse().getContentAsString(), "$.secret");
    }

    private static String id(MvcResult created) throws Exception {
        return JsonPath.read(created.getResponse().getContentAsString(), "$.info.id");
    }
}
