package dualmcmc.app.page;

import dualmcmc.app.widget.PlaybackBar;

/** A view that replays something step by step: the window's keys drive its playback while it is shown. */
public interface Replayed {
    PlaybackBar playback();
}
