package dev.countersign.service.security.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of POST /api/tokens: a name that says where the token is used, and an optional ISO-8601 lifetime. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateTokenRequest(String name, String lifetime) {}
