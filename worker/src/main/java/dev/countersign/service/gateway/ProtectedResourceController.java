package dev.countersign.service.gateway;

import dev.countersign.service.api.Problems;
import dev.countersign.service.security.CountersignSecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's OAuth protected resource metadata (RFC 9728), in OIDC mode only: the resource
 * ({@code <base>/mcp}) and the issuer whose tokens it accepts, so an MCP client that does OAuth finds
 * where to log in. Without OIDC there is nothing to find (404): use an API token.
 */
@RestController
class ProtectedResourceController {

    private final CountersignSecurityProperties security;

    ProtectedResourceController(CountersignSecurityProperties security) {
        this.security = security;
    }

    @GetMapping({GatewayEntryPoint.METADATA_PATH, GatewayEntryPoint.METADATA_PATH + "/mcp"})
    Map<String, Object> metadata(HttpServletRequest request) {
        CountersignSecurityProperties.Oidc oidc = security.oidc();
        if (!oidc.enabled()) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    Problems.of(
                            HttpStatus.NOT_FOUND,
                            "NoOidc",
                            "this service accepts no OIDC tokens, so it publishes no protected resource"
                                    + " metadata; use a Countersign API token"),
                    null);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", GatewayEntryPoint.base(request) + GatewayConfiguration.ENDPOINT);
        if (oidc.issuerUri() != null) {
            metadata.put("authorization_servers", List.of(oidc.issuerUri().toString()));
        }
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "Countersign MCP gateway");
        return metadata;
    }
}
