package dev.countersign.service.door;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits applied to every request before anything reads it: the largest body the service accepts
 * ({@code countersign.limits.max-request-body}, default 256KB; a larger one is answered 413). The
 * same size bounds Tomcat's form and multipart parsing and how much of a refused body Tomcat reads
 * and discards before it closes the connection.
 */
@ConfigurationProperties("countersign.limits")
public record RequestLimits(@DefaultValue("256KB") DataSize maxRequestBody) {

    static final DataSize DEFAULT_MAX_REQUEST_BODY = DataSize.ofKilobytes(256);
    static final DataSize SMALLEST = DataSize.ofKilobytes(1);
    static final DataSize LARGEST = DataSize.ofMegabytes(64);

    public RequestLimits {
        maxRequestBody = maxRequestBody == null ? DEFAULT_MAX_REQUEST_BODY : maxRequestBody;
        if (maxRequestBody.compareTo(SMALLEST) < 0 || maxRequestBody.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("countersign.limits.max-request-body must lie between " + text(SMALLEST)
                    + " and " + text(LARGEST) + ", was " + text(maxRequestBody));
        }
    }

    /** The limit as a person reads it: "256KB", "1MB" or, when it is no whole number of those, bytes. */
    public String maxRequestBodyText() {
        return text(maxRequestBody);
    }

    private static String text(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + " bytes";
    }
}
