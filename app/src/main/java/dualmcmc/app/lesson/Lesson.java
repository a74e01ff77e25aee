package dualmcmc.app.lesson;

import dualmcmc.app.widget.Menus;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * A guided lesson, as data: a title and steps, each with a few sentences, an optional formula
 * (LaTeX), the view it happens in, the control it talks about (a node id, highlighted), an action
 * that sets the scene and, optionally, something the student must do before Next. Lessons are
 * resource files ({@code /dualmcmc/app/lessons/ID.json}), so a teacher can write another.
 */
public record Lesson(String id, String title, List<Step> steps) {
    /** The lessons the app ships, in the Help menu's order. */
    public static final List<String> BUNDLED = List.of("main", "images");

    /**
     * @param action "example:ID" (open a bundled example), "change:x" or "change:z" (show the chain
     *               grid's change from the start), or null
     * @param waitFor "played:x" or "played:z" (the chain replayed to its end), "picked:z" (a data
     *                point picked in the z-revision view), or null
     * @param hide    node ids (#chainSettings...) of controls the step hides, so the class sees only
     *                what it talks about; they come back on the next step or when the lesson ends
     */
    public record Step(String title, String text, String formula, String view, String target, String action,
                       String waitFor, List<String> hide) {
        public Step {
            hide = List.copyOf(hide);
        }
    }

    public Lesson {
        steps = List.copyOf(steps);
    }

    public static Lesson bundled(String id) {
        String res = "/dualmcmc/app/lessons/" + id + ".json";
        try (InputStream in = Lesson.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled lesson '" + id + "'; lessons: " + BUNDLED);
            }
            return read(in, res);
        } catch (IOException e) {
            throw new IllegalArgumentException(res + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a lesson; anything missing or unknown is an IllegalArgumentException naming the step. */
    public static Lesson read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        String id = text(root, "id", source, true);
        String title = text(root, "title", source, true);
        if (!root.path("steps").isArray() || root.path("steps").isEmpty()) {
            throw new IllegalArgumentException(source + ": 'steps' must be a non-empty list");
        }
        List<Step> steps = new ArrayList<>();
        int n = 0;
        for (JsonNode s : root.path("steps")) {
            String where = source + ", step " + (++n);
            Step step = new Step(text(s, "title", where, true), text(s, "text", where, true),
                    text(s, "formula", where, false), text(s, "view", where, true), text(s, "target", where, true),
                    text(s, "action", where, false), text(s, "waitFor", where, false), ids(s, "hide", where));
            if (!step.target().startsWith("#")) {
                throw new IllegalArgumentException(where + ": target must be a node id such as #xPlot");
            }
            if (step.action() != null && !(step.action().matches("example:[a-z0-9-]+")
                    || step.action().matches("change:[xz]"))) {
                throw new IllegalArgumentException(where + ": unknown action '" + step.action() + "'");
            }
            if (step.waitFor() != null && !step.waitFor().matches("played:[xz]|picked:z")) {
                throw new IllegalArgumentException(where + ": unknown waitFor '" + step.waitFor() + "'");
            }
            steps.add(step);
        }
        return new Lesson(id, title, steps);
    }

    /** Help › Lesson items, one per bundled lesson, then a separator; {@code start} gets the lesson's id. */
    public static List<MenuItem> menuItems(Consumer<String> start) {
        List<MenuItem> items = new ArrayList<>();
        for (String id : BUNDLED) {
            items.add(Menus.item("Lesson: " + bundled(id).title(), Feather.BOOK_OPEN, "menuLesson-" + id, null,
                    () -> start.accept(id)));
        }
        items.add(new SeparatorMenuItem());
        return items;
    }

    /** Refuses a lesson with a step on a view the window does not have, naming the step. */
    public void checkViews(Collection<String> views) {
        for (int i = 0; i < steps.size(); i++) {
            if (!views.contains(steps.get(i).view())) {
                throw new IllegalArgumentException(id + ", step " + (i + 1) + ": view must be one of " + views
                        + ", not '" + steps.get(i).view() + "'");
            }
        }
    }

    /** An optional list of node ids ("#x"). */
    private static List<String> ids(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual() && e.asText().startsWith("#")) {
                    out.add(e.asText());
                    continue;
                }
                throw new IllegalArgumentException(where + ": '" + field + "' must list node ids such as #xPlot");
            }
            return out;
        }
        throw new IllegalArgumentException(where + ": '" + field + "' must list node ids such as #xPlot");
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be text");
        }
        return v.asText();
    }
}
