package dualmcmc.engine.data;

import dualmcmc.engine.util.OneLine;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Transparent gzip: the loaders accept either form of a file, decided by its first two bytes.
 * File names are not trusted because users rename files (and npm ships MNIST uncompressed under
 * the same names as the gzip originals minus ".gz").
 */
final class Compression {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private Compression() {
    }

    /**
     * A buffered stream of the decompressed content of {@code in}, gzip or not. Damaged gzip data
     * is reported as an IOException naming {@code source}: the inflater's own messages ("invalid
     * code lengths set") do not say which file is broken, nor that it is the compression.
     */
    static InputStream decompressIfGzip(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            GZIPInputStream gzip;
            try {
                gzip = new GZIPInputStream(buffered, 1 << 16);
            } catch (IOException e) {
                throw damaged(source, e);
            }
            return new BufferedInputStream(new NamedErrors(gzip, source), 1 << 16);
        }
        return buffered;
    }

    private static IOException damaged(String source, IOException e) {
        String what = e instanceof EOFException ? "the gzip data end early (a cut download?)"
                : "damaged gzip data (" + OneLine.clean(e.getMessage()) + ")";
        return new IOException(source + ": " + what, e);
    }

    /** Re-throws the decompressor's errors as {@link #damaged} ones. */
    private static final class NamedErrors extends FilterInputStream {
        private final String source;

        NamedErrors(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw damaged(source, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw damaged(source, e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw damaged(source, e);
            }
        }
    }
}
