package dualmcmc.app.lesson;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;

import java.util.concurrent.CompletableFuture;

/**
 * A lesson in progress: which step is on, moving between steps (each sets its scene: the example
 * it needs, its view, its action), the highlighted control, and whether Next waits for the student.
 */
public final class LessonViewModel {
    public static final String HIGHLIGHT = "lesson-highlight";
    private final LessonHost host;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final BooleanProperty done = new SimpleBooleanProperty(true);
    /** The step's task is done (or it has none); bound to the host's watch while a step waits. */
    private final BooleanProperty taskDone = new SimpleBooleanProperty(true);
    private final BooleanBinding blocked = taskDone.not().or(done.not());
    private Node highlighted;
    /** The controls the current step hides, to be shown again when it ends. */
    private final java.util.List<Node> hidden = new java.util.ArrayList<>();
    private String openedExample;

    public LessonViewModel(LessonHost host) {
        this.host = host;
    }

    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    /** True while the step's scene is being set or its task (play the chain, pick a point) is not done. */
    public BooleanBinding blockedProperty() {
        return blocked;
    }

    public Lesson.Step step() {
        Lesson l = lesson.get();
        int i = index.get();
        return l == null || i < 0 || i >= l.steps().size() ? null : l.steps().get(i);
    }

    /** Starts {@code l} at its first step; a lesson on a view the window lacks is refused. */
    public CompletableFuture<Void> start(Lesson l) {
        l.checkViews(host.views());
        lesson.set(l);
        openedExample = null;
        return goTo(0);
    }

    public CompletableFuture<Void> next() {
        Lesson l = lesson.get();
        if (l == null || index.get() >= l.steps().size() - 1) {
            close();
            return CompletableFuture.completedFuture(null);
        }
        return goTo(index.get() + 1);
    }

    public CompletableFuture<Void> back() {
        return index.get() > 0 ? goTo(index.get() - 1) : CompletableFuture.completedFuture(null);
    }

    public void close() {
        unhighlight();
        unhide();
        lesson.set(null);
        index.set(-1);
        taskDone.unbind();
        taskDone.set(true);
    }

    /**
     * Shows step {@code i}: first the example the lesson needs by then (the last one a step up to
     * i asks for, opened once), then the step's view, action and highlight. Completes when the
     * scene is set.
     */
    public CompletableFuture<Void> goTo(int i) {
        Lesson l = lesson.get();
        if (l == null || i < 0 || i >= l.steps().size()) {
            return CompletableFuture.completedFuture(null);
        }
        String example = null;
        for (int s = 0; s <= i; s++) {
            String a = l.steps().get(s).action();
            if (a != null && a.startsWith("example:")) {
                example = a.substring("example:".length());
            }
        }
        done.set(false);
        index.set(i);
        Lesson.Step step = l.steps().get(i);
        CompletableFuture<Boolean> opened = example == null || example.equals(openedExample)
                ? CompletableFuture.completedFuture(true) : host.openExample(example);
        String wanted = example;
        return opened.thenAccept(ok -> {
            if (lesson.get() != l || index.get() != i) {
                return;
            }
            if (ok) {
                openedExample = wanted;
            }
            host.select(step.view());
            if (step.action() != null && step.action().startsWith("change:")) {
                host.showChange(step.action().substring("change:".length()));
            }
            host.resetWatch();
            taskDone.unbind();
            if (step.waitFor() == null) {
                taskDone.set(true);
            } else {
                taskDone.bind(step.waitFor().startsWith("played:")
                        ? host.played(step.waitFor().substring("played:".length())) : host.picked());
            }
            highlight(host.lookup(step.target()));
            hide(step.hide());
            done.set(true);
        });
    }

    private void highlight(Node n) {
        unhighlight();
        highlighted = n;
        if (n != null && !n.getStyleClass().contains(HIGHLIGHT)) {
            n.getStyleClass().add(HIGHLIGHT);
        }
    }

    private void hide(java.util.List<String> ids) {
        unhide();
        for (String id : ids) {
            Node n = host.lookup(id);
            // a node whose visibility follows something else (the alert bar) is left alone
            if (n != null && n.isVisible() && !n.visibleProperty().isBound()) {
                n.setVisible(false);
                // and its room goes to the rest, unless its layout is someone else's to decide
                if (!n.managedProperty().isBound()) {
                    n.setManaged(false);
                }
                hidden.add(n);
            }
        }
    }

    private void unhide() {
        for (Node n : hidden) {
            n.setVisible(true);
            if (!n.managedProperty().isBound()) {
                n.setManaged(true);
            }
        }
        hidden.clear();
    }

    /** The controls the current step has hidden. */
    public java.util.List<Node> hiddenControls() {
        return java.util.List.copyOf(hidden);
    }

    private void unhighlight() {
        if (highlighted != null) {
            highlighted.getStyleClass().remove(HIGHLIGHT);
            highlighted = null;
        }
    }

    /** The control the current step talks about, as found in the window (null if it is not there). */
    public Node highlighted() {
        return highlighted;
    }
}
