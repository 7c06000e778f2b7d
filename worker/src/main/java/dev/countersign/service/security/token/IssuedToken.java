package dev.countersign.service.security.token;

/** A token just created: {@code secret} is shown to its owner this once and never again. */
public record IssuedToken(ApiTokenInfo info, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[info=" + info + ", secret=<hidden>]";
    }
}
