package dualmcmc.app.lesson;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonTest {
    private static Lesson read(String json) throws Exception {
        return Lesson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my.json");
    }

    private static String step(String extra) {
        return "{\"id\":\"t\",\"title\":\"T\",\"steps\":[{\"title\":\"a\",\"text\":\"b\",\"view\":\"xrevision\","
                + "\"target\":\"#xPlot\"" + extra + "}]}";
    }

    @Test
    void theBundledLessonsReadAndALessonIsData() throws Exception {
        for (String id : Lesson.BUNDLED) {
            Lesson l = Lesson.bundled(id);
            assertEquals(id, l.id());
            assertTrue(l.steps().size() >= 4, id);
        }
        assertTrue(Lesson.bundled("main").steps().size() >= 8, "the main lesson has 8-12 steps");
        Lesson mine = read(step(",\"action\":\"change:x\",\"waitFor\":\"played:x\",\"formula\":\"E(x)\""));
        assertEquals("change:x", mine.steps().get(0).action());
    }

    @Test
    void aBrokenLessonIsRefusedNamingTheStep() throws Exception {
        assertRefused("{", "not JSON");
        assertRefused("{\"id\":\"t\",\"title\":\"T\",\"steps\":[]}", "non-empty");
        Lesson kitchen = read(step("").replace("\"view\":\"xrevision\"", "\"view\":\"kitchen\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kitchen.checkViews(List.of("xrevision")))
                .getMessage().contains("step 1: view must be one of [xrevision], not 'kitchen'"));
        read(step("")).checkViews(List.of("xrevision"));
        assertRefused(step("").replace("\"#xPlot\"", "\"xPlot\""), "node id");
        assertRefused(step(",\"action\":\"explode\""), "unknown action 'explode'");
        assertRefused(step(",\"waitFor\":\"coffee\""), "unknown waitFor");
        assertRefused(step(",\"hide\":[\"xPlot\"]"), "'hide' must list node ids");
        assertRefused(step(",\"hide\":\"#xPlot\""), "'hide' must list node ids");
        assertEquals(List.of("#xPlot", "#xGrid"), read(step(",\"hide\":[\"#xPlot\",\"#xGrid\"]")).steps().get(0).hide());
        assertRefused(step("").replace("\"title\":\"a\",", ""), "step 1: 'title' is missing");
        assertRefused(step(",\"formula\":3"), "'formula' must be text");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lesson.bundled("nope")).getMessage()
                .contains("main"));
    }

    private static void assertRefused(String json, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith("my.json") && e.getMessage().contains(says), e.getMessage());
    }
}
