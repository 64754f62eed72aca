package dev.ascent.kit.limits;

import dev.ascent.kit.KitConfig;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The other half of {@link BodyLimit}: a body that declares no length (chunked) is counted as it is
 * read, and reading stops with {@link BodyTooLarge} (a 413 problem) the moment it passes the limit.
 * Nothing beyond the limit is buffered or parsed.
 */
@Provider
public class CappedBodies implements ReaderInterceptor {

    /** Read on first use: Quarkus REST makes its providers before runtime configuration is mapped. */
    private final jakarta.inject.Provider<KitConfig> config;
    private volatile long max = -1;

    public CappedBodies(jakarta.inject.Provider<KitConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (max < 0) {
            max = config.get().limits().maxBodySize().asLongValue();
        }
        context.setInputStream(new Capped(context.getInputStream(), max));
        return context.proceed();
    }

    /** Raised while reading a body that passed the limit; an IOException so that parsers pass it on unwrapped. */
    public static final class BodyTooLarge extends IOException {
        private final long max;

        BodyTooLarge(long max) {
            super("The request body exceeds " + max + " bytes", null);
            this.max = max;
        }

        public long max() {
            return max;
        }
    }

    static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0)); // -1 is the end, not a byte
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge(max);
            }
        }
    }
}
