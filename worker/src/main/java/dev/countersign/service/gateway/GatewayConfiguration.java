package dev.countersign.service.gateway;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.mcp.McpServers;
import dev.countersign.autoconfigure.AdditionalMcpServers;
import dev.countersign.autoconfigure.CountersignProperties;
import dev.countersign.client.SubmittedCalls;
import dev.countersign.service.security.ApiSecurityConfiguration;
import dev.countersign.service.security.BearerAuthentication;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.ProblemAccessDeniedHandler;
import dev.countersign.store.CountersignSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.client.WorkflowClient;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The MCP gateway: an MCP server at {@value #ENDPOINT} (the MCP Java SDK's servlet streamable HTTP
 * transport, sessions in this replica's memory) offering the tools of {@code countersign.gateway.servers}
 * under the policy, behind its own stateless filter chain: the Origin check, bearer tokens (API tokens
 * and OIDC JWTs) of users in the requester groups, no CSRF, no session login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    public static final String ENDPOINT = "/mcp";
    /** Before the API's chain, which matches other paths anyway. */
    public static final int GATEWAY_ORDER = ApiSecurityConfiguration.API_ORDER - 5;

    @Bean
    public AdditionalMcpServers gatewayUpstreamServers(GatewayProperties properties) {
        return new AdditionalMcpServers("countersign.gateway.servers", properties.servers());
    }

    @Bean
    GatewayCalls gatewayCalls(
            PolicyActivitiesImpl policy,
            ToolActivitiesImpl tools,
            CountersignSchema schema,
            SubmittedCalls submittedCalls,
            GatewayProperties properties,
            ObjectProvider<Clock> clock,
            MeterRegistry meters) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        GatedCalls gated = new GatedCalls(new GateIndex(schema.dataSource()), submittedCalls, properties, time);
        return new GatewayCalls(policy, tools, gated, meters);
    }

    /** Calls of agents that run elsewhere, submitted to their tasks: the gateway's and the gate API's. */
    @Bean
    public SubmittedCalls submittedCalls(
            WorkflowClient client, CountersignProperties countersign, ObjectProvider<Clock> clock) {
        return new SubmittedCalls(client, countersign.taskQueue(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    HttpServletStreamableServerTransportProvider gatewayTransport(ObjectProvider<GatewayToolList> tools) {
        return HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(request -> {
                    tools.getObject().refresh();
                    Principal caller = request.getUserPrincipal();
                    Map<String, Object> context = new HashMap<>();
                    if (caller != null) {
                        context.put(GatewayToolList.REQUESTER, caller.getName());
                    }
                    String task = request.getHeader(GatewayCaller.TASK_HEADER);
                    if (task != null && !task.isBlank()) {
                        context.put(GatewayToolList.TASK, task.strip());
                    }
                    context.put(
                            GatewayToolList.SERVICE_URL,
                            ServletUriComponentsBuilder.fromContextPath(request)
                                    .build()
                                    .toUriString());
                    return McpTransportContext.create(context);
                })
                .build();
    }

    @Bean(destroyMethod = "close")
    McpSyncServer gatewayServer(HttpServletStreamableServerTransportProvider transport) {
        return McpServer.sync(transport)
                .serverInfo("countersign-gateway", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                // The policy activity checks the arguments against the whole schema and says why.
                .validateToolInputs(false)
                .build();
    }

    @Bean
    GatewayToolList gatewayToolList(
            McpSyncServer server,
            McpServers mcpServers,
            GatewayProperties properties,
            PolicySource policies,
            GatewayCalls calls) {
        GatewayToolList list =
                new GatewayToolList(server, mcpServers, properties.servers().keySet(), policies, calls);
        list.refresh();
        return list;
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> gatewayServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setAsyncSupported(true);
        registration.setName("countersignMcpGateway");
        return registration;
    }

    @Bean
    @Order(GATEWAY_ORDER)
    SecurityFilterChain gatewaySecurityFilterChain(
            HttpSecurity http,
            GatewayProperties gateway,
            CountersignSecurityProperties security,
            BearerAuthentication bearer,
            ProblemAccessDeniedHandler denied,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        GatewayEntryPoint entryPoint = new GatewayEntryPoint(resolver);
        // The metadata path is answered by Spring Security's own filter (see describe), before any rule.
        http.securityMatcher(
                        ENDPOINT,
                        ENDPOINT + "/**",
                        GatewayEntryPoint.METADATA_PATH + "/**",
                        GatewayEntryPoint.METADATA_PATH)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                GatewayEntryPoint.METADATA_PATH, GatewayEntryPoint.METADATA_PATH + "/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(CurrentUser.authorities(security.requesterGroups())))
                .addFilterAfter(new OriginCheck(gateway.allowedOrigins(), resolver), HeaderWriterFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(ApiSecurityConfiguration.standardHeaders())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
        if (bearer.acceptsAny()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationManagerResolver(request -> bearer::authenticate)
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied)
                    .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                            builder -> describe(builder, security.oidc()))));
        }
        return http.build();
    }

    /**
     * Spring Security's RFC 9728 metadata, served at {@code /.well-known/oauth-protected-resource} and
     * {@code .../mcp}: the resource is the gateway's endpoint in both, and in OIDC mode the issuer is its
     * authorization server, so an MCP client that does OAuth finds where to log in.
     */
    private static void describe(
            OAuth2ProtectedResourceMetadata.Builder builder, CountersignSecurityProperties.Oidc oidc) {
        builder.claims(claims -> {
            String resource = String.valueOf(claims.get("resource"));
            if (!resource.endsWith(ENDPOINT)) {
                claims.put("resource", resource.replaceAll("/+$", "") + ENDPOINT);
            }
        });
        builder.resourceName("Countersign MCP gateway");
        if (oidc.issuerUri() != null) {
            builder.authorizationServer(oidc.issuerUri().toString());
        }
    }
}
