package dualmcmc.app.chain;

import dualmcmc.app.MainModel;
import dualmcmc.app.chart.Formula;
import dualmcmc.app.chart.Ink;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainKind;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The chain's update rule typeset above the chains: in symbols, then with the view's current
 * step size, noise and number of steps (and, for z, sigma and sigma_p) substituted. It follows the
 * settings as they change, and the theme's text colour.
 */
public final class RuleBar extends VBox {
    private final Formula symbolic = new Formula(17, Color.BLACK);
    private final Formula substituted = new Formula(17, Color.BLACK);

    public RuleBar(ChainKind kind, MainModel main, ObjectProperty<LangevinSettings> settings) {
        setId(kind == ChainKind.X ? "xRule" : "zRule");
        setSpacing(2);
        Label what = new Label(kind == ChainKind.X ? "Update rule" : "Update rule, energy U it descends");
        what.getStyleClass().add("field-label");
        symbolic.setId(getId() + "Symbolic");
        substituted.setId(getId() + "Values");
        symbolic.setLatex(UpdateRule.symbolic(kind));
        Label values = new Label("with this view's values");
        values.getStyleClass().add("field-label");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        grid.addRow(0, what, symbolic);
        grid.addRow(1, values, substituted);
        getChildren().add(grid);
        Tooltip.install(this, new Tooltip(kind == ChainKind.X
                ? "Langevin dynamics on the EBM: each step moves x down the energy E(x) by s\u00b2/2 times its "
                        + "gradient and adds noise of scale n; the second line has this view's values"
                : "Langevin dynamics on z: each step moves z down U(z), the reconstruction error over \u03c3\u00b2 plus "
                        + "the prior term, and adds noise; U is what the heat map draws and the chain descends"));
        Runnable update = () -> {
            LangevinSettings s = settings.get();
            if (s != null) {
                substituted.setLatex(UpdateRule.substituted(kind, s, main.config().sigma(),
                        main.config().priorSigma()));
            }
        };
        settings.addListener((o, a, b) -> update.run());
        main.configProperty().addListener((o, a, b) -> update.run());
        // the formulas are pictures: they take the theme's text colour from its ink
        Ink.follow(this, ink -> {
            symbolic.setColour(ink.text());
            substituted.setColour(ink.text());
        });
        update.run();
    }


    public Formula substituted() {
        return substituted;
    }
}
