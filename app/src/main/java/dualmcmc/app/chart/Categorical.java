package dualmcmc.app.chart;

import javafx.scene.paint.Color;

/**
 * A 10-colour categorical palette for class labels (Tableau 10, 2016: chosen to stay distinguishable
 * for the common colour-vision deficiencies and on white); more classes wrap around.
 */
public final class Categorical {
    private static final Color[] COLORS = {
            Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
            Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
            Color.web("#9c755f"), Color.web("#bab0ac")};

    private Categorical() {
    }

    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    public static int size() {
        return COLORS.length;
    }
}
