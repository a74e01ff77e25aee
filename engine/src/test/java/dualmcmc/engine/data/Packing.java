package dualmcmc.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * How a fuzzed file is stored, for the readers that take plain or gzip files: damaging the
 * content before compressing gives a sound gzip stream around a hostile header, damaging after
 * gives a broken gzip stream.
 */
public enum Packing {
    PLAIN, DAMAGE_THEN_GZIP, GZIP_THEN_DAMAGE;

    public byte[] pack(byte[] valid, List<Damage> damages) {
        return switch (this) {
            case PLAIN -> Damage.applyAll(valid, damages);
            case DAMAGE_THEN_GZIP -> gzip(Damage.applyAll(valid, damages));
            case GZIP_THEN_DAMAGE -> Damage.applyAll(gzip(valid), damages);
        };
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
