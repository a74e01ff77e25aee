package dualmcmc.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeHeapTrimmerTest {
    @Test
    void trimsWhereTheJdkOffersIt() {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "glibc's heap is what it trims");
        Runtime.Version v = Runtime.version();
        boolean offered = v.feature() > 17 || v.feature() == 17 && v.update() >= 9;
        assertEquals(offered, NativeHeapTrimmer.trim(), "JDK " + v);
    }
}
