package dualmcmc.app.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

import java.util.function.Consumer;

/**
 * One app-wide setting of how drawn things look (the theme's ink, presenter mode's line widths),
 * which charts and canvases follow. It mirrors a choice that is itself one per application (the
 * user agent stylesheet, the one window's presenter mode).
 */
public final class Look<T> {
    private final ObjectProperty<T> value;
    private final String key;

    public Look(String key, T initial) {
        this.key = "dualmcmc.look." + key;
        this.value = new SimpleObjectProperty<>(initial);
    }

    public T get() {
        return value.get();
    }

    public void set(T v) {
        value.set(v);
    }

    /**
     * Calls {@code apply} now and whenever the value changes, for as long as {@code owner} lives
     * (the listener is held by the node, and only weakly by the look).
     */
    public void follow(Node owner, Consumer<T> apply) {
        // a node in no shown window (a closed one, not yet collected) catches up when it is shown
        boolean[] behind = {false};
        ChangeListener<T> l = (o, a, b) -> {
            if (shown(owner)) {
                apply.accept(b);
            } else {
                behind[0] = true;
            }
        };
        owner.getProperties().put(key, l);
        value.addListener(new WeakChangeListener<>(l));
        owner.sceneProperty().addListener((o, a, b) -> {
            if (behind[0] && shown(owner)) {
                behind[0] = false;
                apply.accept(value.get());
            }
        });
        apply.accept(value.get());
    }

    private static boolean shown(Node n) {
        return n.getScene() != null && n.getScene().getWindow() != null;
    }
}
