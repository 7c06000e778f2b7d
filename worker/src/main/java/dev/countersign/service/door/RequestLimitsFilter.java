package dev.countersign.service.door;

import dev.countersign.service.security.LogSafe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request. A body that declares a length over the limit is answered 413
 * before a byte of it is read; a body without a declared length (chunked) is counted as it is read
 * and the read fails with {@link RequestBodyTooLarge} at the limit. The query string (and a form
 * body) is parsed here once, so a malformed one (a parameter without a name, a bad %-encoding) is
 * answered 400 here instead of failing in whichever filter or controller reads a parameter first.
 */
final class RequestLimitsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLimitsFilter.class);

    private final long limit;
    private final String limitText;

    RequestLimitsFilter(RequestLimits limits) {
        this.limit = limits.maxRequestBody().toBytes();
        this.limitText = limits.maxRequestBodyText();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            log.info(
                    "refused {} {} with 413: the body declares {} bytes, the limit is {}",
                    request.getMethod(),
                    LogSafe.text(request.getRequestURI()),
                    declared,
                    limitText);
            DoorProblems.write(request, response, DoorProblems.tooLarge(limitText, request));
            return;
        }
        HttpServletRequest bounded = declared < 0 ? new BoundedBody(request, limit, limitText) : request;
        try {
            bounded.getParameterMap();
        } catch (InvalidParameterException malformed) {
            refuseParameters(request, response, malformed);
            return;
        }
        chain.doFilter(bounded, response);
    }

    private void refuseParameters(
            HttpServletRequest request, HttpServletResponse response, InvalidParameterException malformed)
            throws IOException {
        boolean tooLarge = malformed.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
        log.info(
                "refused {} {} with {}: its parameters could not be parsed: {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                tooLarge ? 413 : 400,
                LogSafe.text(malformed.getMessage()));
        DoorProblems.write(
                request,
                response,
                tooLarge
                        ? DoorProblems.tooLarge(limitText, request)
                        : DoorProblems.problem(
                                HttpStatus.BAD_REQUEST,
                                "MalformedParameters",
                                "the query string or form body could not be parsed: every parameter needs a"
                                        + " name, and %-escapes must be valid",
                                request));
    }

    /** A request whose body stream fails once more than the limit has been read from it. */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final long limit;
        private final String limitText;
        private ServletInputStream stream;

        BoundedBody(HttpServletRequest request, long limit, String limitText) {
            super(request);
            this.limit = limit;
            this.limitText = limitText;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, limitText);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private final String limitText;
        private long read;

        CountingStream(ServletInputStream body, long limit, String limitText) {
            this.body = body;
            this.limit = limit;
            this.limitText = limitText;
        }

        @Override
        public int read() throws IOException {
            refusePastTheLimit();
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refusePastTheLimit();
            int count = body.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws RequestBodyTooLarge {
            read += bytes;
            refusePastTheLimit();
        }

        private void refusePastTheLimit() throws RequestBodyTooLarge {
            if (read > limit) {
                throw new RequestBodyTooLarge(limitText);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
