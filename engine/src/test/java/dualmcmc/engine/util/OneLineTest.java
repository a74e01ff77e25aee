package dualmcmc.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void shortPlainTextIsQuotedAsItIs() {
        assertEquals("'3.5e-2'", OneLine.quote("3.5e-2"));
    }

    @Test
    void lineBreakingAndControlCharactersAreEscaped() {
        assertEquals("'a\\u000Ab\\u2028c\\u001B[2J'", OneLine.quote("a\nb\u2028c\u001b[2J"));
    }

    @Test
    void aRunawayFieldIsCutAndItsLengthSaid() {
        String cut = OneLine.clean("9".repeat(100_000));
        assertTrue(cut.startsWith("9".repeat(OneLine.MAX_CHARS) + "..."), cut);
        assertTrue(cut.endsWith("(100000 characters)"), cut);
    }

    @Test
    void aMissingMessageSaysSo() {
        assertEquals("no detail", OneLine.clean(null));
    }
}
